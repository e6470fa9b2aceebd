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

    public sealed class LocalPluginContext : ILocalPluginContext
    {
        private IOrganizationService? _pluginUserService;
        private IOrganizationService? _initiatingUserService;
        private IOrganizationService? _systemUserService;

        public LocalPluginContext(IServiceProvider serviceProvider, string? unsecureConfiguration = null, string? secureConfiguration = null)
        {
            ServiceProvider = serviceProvider ?? throw new InvalidPluginExecutionException(nameof(serviceProvider));
            PluginExecutionContext = (IPluginExecutionContext?)serviceProvider.GetService(typeof(IPluginExecutionContext))
                ?? throw new InvalidPluginExecutionException("The host did not provide an IPluginExecutionContext.");
            PluginExecutionContext4 = serviceProvider.GetService(typeof(IPluginExecutionContext4)) as IPluginExecutionContext4
                ?? PluginExecutionContext as IPluginExecutionContext4;
            OrgSvcFactory = (IOrganizationServiceFactory?)serviceProvider.GetService(typeof(IOrganizationServiceFactory))
                ?? throw new InvalidPluginExecutionException("The host did not provide an IOrganizationServiceFactory.");
            var platformTracing = (ITracingService?)serviceProvider.GetService(typeof(ITracingService));
            TracingService = new LocalTracingService(platformTracing);
            UnsecureConfiguration = unsecureConfiguration;
            SecureConfiguration = secureConfiguration;
        }

        public IServiceProvider ServiceProvider { get; }
        public IPluginExecutionContext PluginExecutionContext { get; }
        public IPluginExecutionContext4? PluginExecutionContext4 { get; }
        public IOrganizationServiceFactory OrgSvcFactory { get; }
        public ITracingService TracingService { get; }
        public string? UnsecureConfiguration { get; }
        public string? SecureConfiguration { get; }

        public IOrganizationService PluginUserService
            => _pluginUserService ?? (_pluginUserService = OrgSvcFactory.CreateOrganizationService(PluginExecutionContext.UserId));

        public IOrganizationService InitiatingUserService
            => _initiatingUserService ?? (_initiatingUserService = OrgSvcFactory.CreateOrganizationService(PluginExecutionContext.InitiatingUserId));

        public IOrganizationService SystemUserService
            => _systemUserService ?? (_systemUserService = OrgSvcFactory.CreateOrganizationService(null));

        public void Trace(string message) => TracingService.Trace("{0}", message);

        public IReadOnlyList<Entity> GetTargets()
        {
            var inputs = PluginExecutionContext.InputParameters;
            if (inputs.TryGetValue("Targets", out var many) && many is EntityCollection collection)
            {
                return collection.Entities;
            }
            if (inputs.TryGetValue("Target", out var single) && single is Entity entity)
            {
                return new[] { entity };
            }
            return Array.Empty<Entity>();
        }

        public Entity? GetPreImage(int targetIndex, string imageName)
            => FindImage(PluginExecutionContext4?.PreEntityImagesCollection, PluginExecutionContext.PreEntityImages, targetIndex, imageName);

        public Entity? GetPostImage(int targetIndex, string imageName)
            => FindImage(PluginExecutionContext4?.PostEntityImagesCollection, PluginExecutionContext.PostEntityImages, targetIndex, imageName);

        private static Entity? FindImage(EntityImageCollection[]? perTarget, EntityImageCollection? single, int targetIndex, string imageName)
        {
            if (perTarget != null && targetIndex >= 0 && targetIndex < perTarget.Length && perTarget[targetIndex] != null
                && perTarget[targetIndex].TryGetValue(imageName, out var bulkImage))
            {
                return bulkImage;
            }
            if (targetIndex == 0 && single != null && single.TryGetValue(imageName, out var image)) return image;
            return null;
        }
    }

    /// <summary>Prefixes every trace line with the milliseconds since the previous one ([+Nms]), like pac's template.</summary>
    public sealed class LocalTracingService : ITracingService
    {
        private readonly ITracingService? _inner;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _lastMilliseconds;

        public LocalTracingService(ITracingService? inner)
        {
            _inner = inner;
        }

        public void Trace(string format, params object[] args)
        {
            if (_inner == null) return;
            var now = _clock.ElapsedMilliseconds;
            var delta = now - _lastMilliseconds;
            _lastMilliseconds = now;
            var text = args == null || args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
            _inner.Trace("{0}", "[+" + delta.ToString(CultureInfo.InvariantCulture) + "ms] " + text);
        }
    }
}
