using System;
using System.Collections.Generic;
using LeadPlugins.Plugins.Execution;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.Plugins.Services.Nurture;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins
{
    /// <summary>
    /// When a step activity (task, phone call, e-mail) is completed, canceled or reopened, its enrolment is brought up
    /// to date: Completed when the last step activity is closed, else the next due date moves to the next open one.
    /// PostOperation, asynchronous; activities that are not nurture steps cost no query. Work: <see cref="NurtureProgressService"/>.
    /// </summary>
    [PluginStep("Update", TaskTable.LogicalName, PipelineStage.PostOperation, ExecutionMode.Asynchronous,
        FilteringAttributes = TaskTable.Columns.StateCode,
        Name = "LeadPlugins: complete nurture enrolment (Update of task, async)",
        Image2Name = PostImageName, Image2Type = ImageType.PostImage, Image2Attributes = ImageColumns)]
    [PluginStep("Update", PhoneCallTable.LogicalName, PipelineStage.PostOperation, ExecutionMode.Asynchronous,
        FilteringAttributes = TaskTable.Columns.StateCode,
        Name = "LeadPlugins: complete nurture enrolment (Update of phonecall, async)",
        Image2Name = PostImageName, Image2Type = ImageType.PostImage, Image2Attributes = ImageColumns)]
    [PluginStep("Update", EmailTable.LogicalName, PipelineStage.PostOperation, ExecutionMode.Asynchronous,
        FilteringAttributes = TaskTable.Columns.StateCode,
        Name = "LeadPlugins: complete nurture enrolment (Update of email, async)",
        Image2Name = PostImageName, Image2Type = ImageType.PostImage, Image2Attributes = ImageColumns)]
    public sealed class CompleteNurtureEnrollment : PluginBase
    {
        public const string PostImageName = "PostImage";
        public const string ImageColumns = TaskTable.Columns.NurtureEnrollmentId + "," + TaskTable.Columns.StateCode;

        public CompleteNurtureEnrollment(string? unsecureConfiguration, string? secureConfiguration)
            : base(typeof(CompleteNurtureEnrollment), unsecureConfiguration, secureConfiguration)
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext context)
        {
            var execution = context.PluginExecutionContext;
            var targets = context.GetTargets();
            var enrollmentIds = new List<Guid>();
            for (var i = 0; i < targets.Count; i++)
            {
                var image = context.GetPostImage(i, PostImageName);
                if (image == null)
                {
                    context.Trace("Activity " + targets[i].Id.ToString("D") + ": no '" + PostImageName + "' image; nothing to do.");
                    continue;
                }
                var enrollment = image.GetAttributeValue<Microsoft.Xrm.Sdk.EntityReference>(TaskTable.Columns.NurtureEnrollmentId);
                if (enrollment == null || enrollment.Id == Guid.Empty) continue;
                if (!enrollmentIds.Contains(enrollment.Id)) enrollmentIds.Add(enrollment.Id);
            }
            if (enrollmentIds.Count == 0)
            {
                context.Trace("Not a nurture step activity; nothing to do.");
                return;
            }

            var options = new NurtureOptions(utcNow: () => execution.OperationCreatedOn);
            new NurtureProgressService(context.PluginUserService, context.TracingService, options).Update(enrollmentIds);
        }
    }
}
