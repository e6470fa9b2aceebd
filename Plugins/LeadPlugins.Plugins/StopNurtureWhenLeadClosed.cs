using System.Collections.Generic;
using LeadPlugins.Plugins.Execution;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.Plugins.Services.Nurture;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins
{
    /// <summary>
    /// Qualify or disqualify of a lead stops its Active enrolment (when the sequence says stop-on-qualify) and cancels
    /// the open step activities. PostOperation and asynchronous, so a failure here never blocks the qualify. A
    /// reactivated lead is only traced: the stopped enrolment stays stopped. Work: <see cref="NurtureStopService"/>.
    /// </summary>
    [PluginStep("Update", LeadTable.LogicalName, PipelineStage.PostOperation, ExecutionMode.Asynchronous,
        FilteringAttributes = StateColumns,
        Name = "LeadPlugins: stop nurture when the lead is closed (Update of lead, async)",
        Description = "Stops the lead's Active nurture enrolment on qualify/disqualify and cancels its open activities.",
        Image2Name = PostImageName, Image2Type = ImageType.PostImage, Image2Attributes = StateColumns)]
    public sealed class StopNurtureWhenLeadClosed : PluginBase
    {
        public const string PostImageName = "PostImage";

        /// <summary>The filtering attributes and the post image's columns: the lead's state and status.</summary>
        public const string StateColumns = LeadTable.Columns.StateCode + "," + LeadTable.Columns.StatusCode;

        public StopNurtureWhenLeadClosed(string? unsecureConfiguration, string? secureConfiguration)
            : base(typeof(StopNurtureWhenLeadClosed), unsecureConfiguration, secureConfiguration)
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext context)
        {
            var execution = context.PluginExecutionContext;
            var targets = context.GetTargets();
            var changes = new List<LeadStateChange>(targets.Count);
            for (var i = 0; i < targets.Count; i++)
            {
                // The post image has the final pair; the Target alone may carry only one of the two columns.
                var row = context.GetPostImage(i, PostImageName) ?? targets[i];
                var state = row.GetAttributeValue<OptionSetValue>("statecode") ?? targets[i].GetAttributeValue<OptionSetValue>("statecode");
                if (state == null)
                {
                    context.Trace("Lead " + targets[i].Id.ToString("D") + ": no statecode in the image or Target; nothing to do.");
                    continue;
                }
                var status = row.GetAttributeValue<OptionSetValue>("statuscode");
                string? label = null;
                if (row.FormattedValues != null && row.FormattedValues.TryGetValue("statuscode", out var formatted)) label = formatted;
                var id = row.Id != System.Guid.Empty ? row.Id : targets[i].Id;
                changes.Add(new LeadStateChange(id, state.Value, status?.Value, label));
            }

            var options = new NurtureOptions(utcNow: () => execution.OperationCreatedOn);
            new NurtureStopService(context.PluginUserService, context.TracingService, options).StopForClosedLeads(changes);
        }
    }
}
