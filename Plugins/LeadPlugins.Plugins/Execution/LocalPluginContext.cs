using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using LeadPlugins.Plugins.Services;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins.Execution
{
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
            var tracing = new LocalTracingService(platformTracing);
            TracingService = tracing;
            Lines = tracing;
            UnsecureConfiguration = unsecureConfiguration;
            SecureConfiguration = secureConfiguration;
        }

        public IServiceProvider ServiceProvider { get; }
        public IPluginExecutionContext PluginExecutionContext { get; }
        public IPluginExecutionContext4? PluginExecutionContext4 { get; }
        public IOrganizationServiceFactory OrgSvcFactory { get; }
        public ITracingService TracingService { get; }
        /// <summary><see cref="TracingService"/> as a service whose lines can be built in place.</summary>
        internal ILineTracingService Lines { get; }
        public string? UnsecureConfiguration { get; }
        public string? SecureConfiguration { get; }

        public IOrganizationService PluginUserService
            => _pluginUserService ?? (_pluginUserService = OrgSvcFactory.CreateOrganizationService(PluginExecutionContext.UserId));

        public IOrganizationService InitiatingUserService
            => _initiatingUserService ?? (_initiatingUserService = OrgSvcFactory.CreateOrganizationService(PluginExecutionContext.InitiatingUserId));

        public IOrganizationService SystemUserService
            => _systemUserService ?? (_systemUserService = OrgSvcFactory.CreateOrganizationService(null));

        public void Trace(string message) => TracingService.TraceLine(message);

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
}
