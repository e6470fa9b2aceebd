using System.Collections.Generic;
using System.Globalization;
using LeadPlugins.Plugins.Execution;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.Plugins.Services.Nurture;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins
{
    /// <summary>
    /// Enrols new marketplace leads in a nurture sequence (PostOperation, asynchronous, so a failure never blocks the
    /// lead's save and the platform retries it). Reads the lead from the post image only; Target and Targets share one
    /// path. Unsecure configuration: <c>{"timeZone": "W. Europe Standard Time", "endOfBusinessDay": "17:00"}</c>
    /// (default UTC, 17:00). Work: <see cref="NurtureEnrollmentService"/>.
    /// </summary>
    [PluginStep("Create", LeadTable.LogicalName, PipelineStage.PostOperation, ExecutionMode.Asynchronous,
        Name = "LeadPlugins: enrol marketplace lead in nurture (Create of lead, async)",
        Description = "Creates the lead's nurture enrolment and its step activities (tasks, phone calls, draft e-mails). Idempotent under retries.",
        Image2Name = PostImageName, Image2Type = ImageType.PostImage, Image2Attributes = NurtureColumnSets.EnrollmentLeadColumns)]
    public sealed class EnrollLeadInNurture : PluginBase
    {
        public const string PostImageName = "PostImage";

        public EnrollLeadInNurture(string? unsecureConfiguration, string? secureConfiguration)
            : base(typeof(EnrollLeadInNurture), unsecureConfiguration, secureConfiguration)
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext context)
        {
            var execution = context.PluginExecutionContext;
            var options = NurtureOptions.Parse(UnsecureConfiguration, () => execution.OperationCreatedOn);
            for (var i = 0; i < options.Diagnostics.Count; i++) context.Trace("Configuration: " + options.Diagnostics[i]);

            var targets = context.GetTargets();
            var leads = new List<Entity>(targets.Count);
            for (var i = 0; i < targets.Count; i++)
            {
                var image = context.GetPostImage(i, PostImageName);
                if (image == null)
                {
                    // Registered without the image (or an older registration): the Target lacks platform columns such as createdon.
                    context.Trace("Lead " + i.ToString(CultureInfo.InvariantCulture) + ": no '" + PostImageName + "' image; the Target is used.");
                    image = targets[i];
                }
                if (image.Id == System.Guid.Empty) image.Id = targets[i].Id;
                leads.Add(image);
            }

            // SYSTEM writes: the lead's creator is usually the marketplace's Lead Writer application user, whose role may
            // only write leads; the enrolment and its activities are created for (and owned by) the lead's owner.
            var outcomes = new NurtureEnrollmentService(context.SystemUserService, context.TracingService, options).EnrollLeads(leads);
            var enrolled = 0;
            for (var i = 0; i < outcomes.Count; i++)
                if (outcomes[i].Result == NurtureEnrollmentResult.Enrolled) enrolled++;
            context.Trace(enrolled.ToString(CultureInfo.InvariantCulture) + " of " + outcomes.Count.ToString(CultureInfo.InvariantCulture) + " lead(s) enrolled.");
        }
    }
}
