using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins.Execution
{
    /// <summary>What a plug-in body needs, all taken from the platform's service provider.</summary>
    public interface ILocalPluginContext
    {
        IServiceProvider ServiceProvider { get; }
        IPluginExecutionContext PluginExecutionContext { get; }
        /// <summary>The bulk-aware context (image collections per Target); null on hosts that do not provide it.</summary>
        IPluginExecutionContext4? PluginExecutionContext4 { get; }
        IOrganizationServiceFactory OrgSvcFactory { get; }
        /// <summary>Runs as the step's user (context.UserId).</summary>
        IOrganizationService PluginUserService { get; }
        /// <summary>Runs as the user who started the operation (context.InitiatingUserId).</summary>
        IOrganizationService InitiatingUserService { get; }
        /// <summary>Runs as SYSTEM; created only when asked for, and only by steps that document why.</summary>
        IOrganizationService SystemUserService { get; }
        ITracingService TracingService { get; }
        string? UnsecureConfiguration { get; }
        string? SecureConfiguration { get; }
        void Trace(string message);

        /// <summary>
        /// The rows of this message as one list: the single Target of Create/Update, or every entity of
        /// CreateMultiple/UpdateMultiple's Targets. Plug-ins use it so both shapes share one code path.
        /// </summary>
        IReadOnlyList<Entity> GetTargets();

        /// <summary>The named pre image of the i-th target (bulk-aware), or null.</summary>
        Entity? GetPreImage(int targetIndex, string imageName);

        /// <summary>The named post image of the i-th target (bulk-aware), or null.</summary>
        Entity? GetPostImage(int targetIndex, string imageName);
    }
}
