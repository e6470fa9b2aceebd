using LeadPlugins.Schema;
using System.Globalization;
using System.Reflection;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.Plugins.Services.Enrichment;
using LeadPlugins.Plugins.Services.Nurture;
using LeadPlugins.WebApi;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Cli.Live;

/// <summary>One line of the doctor's report: a healthy fact, or a finding with what to do.</summary>
public sealed record DoctorCheck(string Check, bool Healthy, string Detail, string? Action = null);
