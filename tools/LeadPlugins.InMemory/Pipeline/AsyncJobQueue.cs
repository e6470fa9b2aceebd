using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>
/// The async service: PostOperation async steps are serialized into jobs when the transaction commits and run when a
/// test or the simulator drains the queue, each in its own context, outside any transaction, with retries.
/// </summary>
internal sealed class AsyncJobQueue
{
    private readonly InMemoryDataverse _dataverse;
    private readonly PipelineRunner _runner;
    private readonly List<AsyncJob> _jobs = new();
    private readonly Queue<AsyncJob> _queue = new();

    public AsyncJobQueue(InMemoryDataverse dataverse, PipelineRunner runner)
    {
        _dataverse = dataverse;
        _runner = runner;
    }

    public IReadOnlyList<AsyncJob> Jobs => _jobs;
    public int Pending => _queue.Count;

    /// <summary>Drops the jobs that succeeded; queued and failed ones stay (failures are what a run reports, and rare).</summary>
    public void ForgetSucceeded() => _jobs.RemoveAll(job => job.Status == AsyncJobStatus.Succeeded);

    /// <summary>Releases the jobs a committed transaction queued.</summary>
    public void Release(Transaction transaction)
    {
        if (!transaction.HasPendingAsync) return;
        foreach (var job in transaction.PendingAsync)
        {
            _jobs.Add(job);
            _queue.Enqueue(job);
        }
        transaction.PendingAsync.Clear();
    }

    public void Queue(RequestContext context, PipelineOperation operation, List<(PluginStep Step, StepShape Shape)> steps, PipelineSharedVariables shared,
        OrganizationResponse response, Transaction transaction)
    {
        foreach (var (step, shape) in steps)
        {
            if (step.Stage != 40 || step.Mode != 1) continue;
            var jobs = shape == StepShape.SingleFromBulk ? operation.Items.Count : 1;
            for (var index = 0; index < jobs; index++)
            {
                var targets = shape == StepShape.SingleFromBulk ? new[] { operation.Items[index] } : (IEnumerable<Entity>)operation.Items;
                if (!PipelineRunner.PassesFilter(step, operation, targets)) continue;
                // The platform serializes the context into the async job: later changes do not reach it. The request's
                // Target is not touched once its pipeline has run (every call works on its own copy), so the job keeps it
                // and copies it on every run below; the response and shared variables go back to callers and are copied now.
                // The images are cut on every run from the operation's stored rows, which never change in place.
                var snapshot = _runner.Contexts.ForStep(context, operation, step, shape, 40, shared.For(shape, index), null, false, response, index, withImages: false);
                snapshot.KeepParameters();
                var item = index; // a for loop's variable is one for all iterations: each job keeps its own
                var jobId = _dataverse.NewId();
                snapshot.OperationId = jobId;
                transaction.PendingAsync.Add(new AsyncJob(jobId, step, (job, attempt) =>
                {
                    // Every run (retry or replay) deserializes the job afresh: what an earlier run changed does not carry over.
                    var run = snapshot.CopyForRun();
                    _runner.Contexts.CutImages(run, operation, step, shape, isPost: true, item);
                    run.OperationCreatedOn = _dataverse.Now();
                    _runner.ExecuteStep(step, run, null, attempt, job.Executions);
                }));
            }
        }
    }

    /// <summary>
    /// Runs queued async steps (and any they queue) after commit, each in its own context and outside any transaction.
    /// A failing job is retried up to <see cref="InMemoryDataverseOptions.AsyncRetryCount"/> times, then recorded as failed.
    /// </summary>
    public IReadOnlyList<AsyncJob> Drain()
    {
        var ran = new List<AsyncJob>(_queue.Count); // as many as queued now (jobs they queue grow it)
        while (_queue.Count > 0)
        {
            var job = _queue.Dequeue();
            ran.Add(job);
            for (var attempt = 1; ; attempt++)
            {
                job.Attempts = attempt;
                try
                {
                    job.Run(job, attempt);
                    job.Status = AsyncJobStatus.Succeeded;
                    job.Error = null;
                    break;
                }
                catch (Exception e) when (e is not NotSimulatedException)
                {
                    job.Error = e.Message;
                    if (attempt > _dataverse.Options.AsyncRetryCount)
                    {
                        job.Status = AsyncJobStatus.Failed;
                        break;
                    }
                }
            }
        }
        return ran;
    }

    /// <summary>
    /// Runs a finished async job once more, as the async service does when it delivers a job again (delivery is at least
    /// once, and an admin can resume a system job): the same serialized context (inputs, images, output parameters,
    /// shared variables as queued), the next attempt number, outside any transaction. Jobs the replay queues wait for
    /// <see cref="DrainAsync"/>. The job's <see cref="AsyncJob.Status"/> and <see cref="AsyncJob.Error"/> show this run.
    /// </summary>
    public AsyncJob Replay(AsyncJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!_jobs.Contains(job)) throw new ArgumentException("The job does not belong to this in-memory Dataverse.", nameof(job));
        if (job.Status == AsyncJobStatus.Waiting) throw new InvalidOperationException("The job has not run yet: call DrainAsync first.");
        var attempt = job.Attempts + 1;
        job.Attempts = attempt;
        try
        {
            job.Run(job, attempt);
            job.Status = AsyncJobStatus.Succeeded;
            job.Error = null;
        }
        catch (Exception e) when (e is not NotSimulatedException)
        {
            job.Status = AsyncJobStatus.Failed;
            job.Error = e.Message;
        }
        return job;
    }
}
