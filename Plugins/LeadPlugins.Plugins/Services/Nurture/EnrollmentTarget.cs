using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins.Services.Nurture
{
    /// <summary>An enrolment a batch lead belongs to: one created in this batch for <see cref="NewFor"/>, or an existing <see cref="Row"/>.</summary>
    internal sealed class EnrollmentTarget
    {
        private EnrollmentTarget(NurtureBatchLead? newFor, Entity? row, Guid enrollmentId)
        {
            NewFor = newFor;
            Row = row;
            EnrollmentId = enrollmentId;
        }

        public NurtureBatchLead? NewFor { get; }
        public Entity? Row { get; }
        public Guid EnrollmentId { get; }
        /// <summary>Repeat-engagement lines for an existing row (one Update at the end of the batch).</summary>
        public List<string> Lines { get; } = new List<string>();

        public static EnrollmentTarget New(NurtureBatchLead lead) => new EnrollmentTarget(lead, null, NurtureRecordIds.Enrollment(lead.Lead.Id));
        public static EnrollmentTarget Existing(Entity row) => new EnrollmentTarget(null, row, row.Id);
    }
}
