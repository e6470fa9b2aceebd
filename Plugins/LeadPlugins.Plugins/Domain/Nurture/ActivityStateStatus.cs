using System;
using System.Collections.Generic;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>A statecode/statuscode pair of an activity.</summary>
    public readonly struct ActivityStateStatus : IEquatable<ActivityStateStatus>
    {
        public ActivityStateStatus(int stateCode, int statusCode)
        {
            StateCode = stateCode;
            StatusCode = statusCode;
        }

        public int StateCode { get; }
        public int StatusCode { get; }

        public bool Equals(ActivityStateStatus other) => StateCode == other.StateCode && StatusCode == other.StatusCode;
        public override bool Equals(object? obj) => obj is ActivityStateStatus other && Equals(other);
        public override int GetHashCode() => unchecked(StateCode * 397) ^ StatusCode;
        public override string ToString() => StateCode + "/" + StatusCode;
    }
}
