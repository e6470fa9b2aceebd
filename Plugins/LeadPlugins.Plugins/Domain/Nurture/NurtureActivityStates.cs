using System;
using System.Collections.Generic;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>
    /// Dataverse facts about the three nurture activity tables (task, phonecall, email): logical names, the
    /// state/status to cancel an open one, the out-of-the-box completed/canceled statuses, and prioritycode.
    /// All three share statecode 0 Open, 1 Completed, 2 Canceled; classification goes by statecode, so custom
    /// status reasons under those states count as well.
    /// </summary>
    public static class NurtureActivityStates
    {
        public const string TaskLogicalName = "task";
        public const string PhoneCallLogicalName = "phonecall";
        public const string EmailLogicalName = "email";

        public const int OpenState = 0;
        public const int CompletedState = 1;
        public const int CanceledState = 2;

        /// <summary>"task", "phonecall" or "email".</summary>
        public static string LogicalName(NurtureActivityType activityType) => activityType switch
        {
            NurtureActivityType.Task => TaskLogicalName,
            NurtureActivityType.PhoneCall => PhoneCallLogicalName,
            NurtureActivityType.Email => EmailLogicalName,
            _ => throw new ArgumentOutOfRangeException(nameof(activityType), activityType, "Not a nurture activity type."),
        };

        /// <summary>The activity type of a logical name; null for any other table.</summary>
        internal static NurtureActivityType? FromLogicalName(string? logicalName) => logicalName switch
        {
            TaskLogicalName => NurtureActivityType.Task,
            PhoneCallLogicalName => NurtureActivityType.PhoneCall,
            EmailLogicalName => NurtureActivityType.Email,
            _ => null,
        };

        /// <summary>SetState pair that cancels an open activity: task 2/6, phone call 2/3, e-mail 2/5.</summary>
        public static ActivityStateStatus Canceled(NurtureActivityType activityType) => activityType switch
        {
            NurtureActivityType.Task => new ActivityStateStatus(CanceledState, 6),
            NurtureActivityType.PhoneCall => new ActivityStateStatus(CanceledState, 3),
            NurtureActivityType.Email => new ActivityStateStatus(CanceledState, 5),
            _ => throw new ArgumentOutOfRangeException(nameof(activityType), activityType, "Not a nurture activity type."),
        };

        /// <summary>
        /// Out-of-the-box completed pairs: task 1/5; phone call 1/2 (Made), 1/4 (Received);
        /// e-mail 1/2 (Completed), 1/3 (Sent), 1/4 (Received), 1/6 (Pending send), 1/7 (Sending).
        /// </summary>
        internal static IReadOnlyList<ActivityStateStatus> CompletedStatuses(NurtureActivityType activityType) => activityType switch
        {
            NurtureActivityType.Task => Pairs(CompletedState, 5),
            NurtureActivityType.PhoneCall => Pairs(CompletedState, 2, 4),
            NurtureActivityType.Email => Pairs(CompletedState, 2, 3, 4, 6, 7),
            _ => Pairs(CompletedState),
        };

        /// <summary>Out-of-the-box canceled pairs: task 2/6, phone call 2/3, e-mail 2/5.</summary>
        internal static IReadOnlyList<ActivityStateStatus> CanceledStatuses(NurtureActivityType activityType) =>
            Enum.IsDefined(typeof(NurtureActivityType), activityType) ? new[] { Canceled(activityType) } : Pairs(CanceledState);

        /// <summary>Open / completed / canceled by statecode (the status code is not needed but may be custom).</summary>
        public static ActivityClosure Classify(int stateCode) => stateCode switch
        {
            OpenState => ActivityClosure.Open,
            CompletedState => ActivityClosure.Completed,
            CanceledState => ActivityClosure.Canceled,
            _ => ActivityClosure.Unknown,
        };

        public static bool IsClosed(int stateCode) => stateCode == CompletedState || stateCode == CanceledState;

        /// <summary>activity prioritycode: Low 0, Normal 1, High 2 (an unknown step priority gives Normal).</summary>
        public static int PriorityCode(StepPriority priority) => priority switch
        {
            StepPriority.Low => 0,
            StepPriority.High => 2,
            _ => 1,
        };

        private static ActivityStateStatus[] Pairs(int state, params int[] statuses)
        {
            var pairs = new ActivityStateStatus[statuses.Length];
            for (var i = 0; i < statuses.Length; i++) pairs[i] = new ActivityStateStatus(state, statuses[i]);
            return pairs;
        }
    }
}
