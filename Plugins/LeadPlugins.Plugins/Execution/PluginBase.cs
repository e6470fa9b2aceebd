using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins.Execution
{
    /// <summary>
    /// pac-style plug-in base: builds a <see cref="LocalPluginContext"/>, traces entry and exit with elapsed
    /// time, guards against re-entry of the same step for the same row, and turns organization-service
    /// faults into <see cref="InvalidPluginExecutionException"/>. Derived classes stay thin and stateless:
    /// the only fields are the configuration strings the platform passes to the constructor.
    /// </summary>
    public abstract class PluginBase : IPlugin
    {
        protected PluginBase(Type pluginClass, string? unsecureConfiguration = null, string? secureConfiguration = null)
        {
            PluginClassName = pluginClass?.FullName ?? GetType().FullName ?? "plugin";
            UnsecureConfiguration = unsecureConfiguration;
            SecureConfiguration = secureConfiguration;
            // The same on every execution: made once per instance.
            _exitLine = "Exiting " + PluginClassName + ".Execute()";
            _reentryKeyPrefix = "LeadPlugins|" + PluginClassName + "|";
        }

        // The re-entry mark's value, boxed once (a boxed bool cannot change).
        private static readonly object BoxedTrue = true;

        private readonly string _exitLine;
        private readonly string _reentryKeyPrefix;

        protected string PluginClassName { get; }
        protected string? UnsecureConfiguration { get; }
        protected string? SecureConfiguration { get; }

        public void Execute(IServiceProvider serviceProvider)
        {
            if (serviceProvider == null) throw new InvalidPluginExecutionException("The service provider is missing.");

            var context = new LocalPluginContext(serviceProvider, UnsecureConfiguration, SecureConfiguration);
            var execution = context.PluginExecutionContext;
            // Written into the trace's line buffer after the time prefix, not made first to be copied there; on .NET the
            // numbers and ids are formatted into it without boxing (stage, mode and depth are never negative).
            context.Lines.StartLine().Append(
                $"Entered {PluginClassName}.Execute() message {execution.MessageName} of {execution.PrimaryEntityName}, stage {execution.Stage}, mode {execution.Mode}, depth {execution.Depth}, correlation {execution.CorrelationId}, initiating user {execution.InitiatingUserId}");
            context.Lines.EndLine();

            if (IsReentry(execution))
            {
                context.Trace("Skipped: " + PluginClassName + " is already running for this row in this pipeline (recursion guard).");
                return;
            }

            try
            {
                ExecuteDataversePlugin(context);
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                context.Trace("OrganizationServiceFault " + fault.Detail?.ErrorCode + ": " + fault.Message);
                throw new InvalidPluginExecutionException("OrganizationServiceFault: " + fault.Message, fault);
            }
            finally
            {
                context.Trace(_exitLine);
            }
        }

        protected abstract void ExecuteDataversePlugin(ILocalPluginContext context);

        /// <summary>
        /// DLaB-style guard: a shared-variable key per plug-in, message, stage and row, looked up in this
        /// context and its parents. Unlike a Depth check it does not block legitimate calls from other
        /// plug-ins or bulk imports (which start at depth 2).
        /// </summary>
        private bool IsReentry(IPluginExecutionContext execution)
        {
            // Interpolated: the stage and the id formatted into the one string made.
            var key = $"{_reentryKeyPrefix}{execution.MessageName}|{execution.Stage}|{execution.PrimaryEntityId:N}";
            for (var parent = execution.ParentContext; parent != null; parent = parent.ParentContext)
            {
                if (parent.SharedVariables != null && parent.SharedVariables.Contains(key)) return true;
            }
            if (execution.SharedVariables != null && execution.PrimaryEntityId != Guid.Empty)
            {
                execution.SharedVariables[key] = BoxedTrue;
            }
            return false;
        }
    }
}
