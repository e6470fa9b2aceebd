using LeadPlugins.Schema;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Plugins.Services.Enrichment;
using LeadPlugins.Plugins.Services.Nurture;
using LeadPlugins.WebApi;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Cli.Live;

/// <summary>One lead the backfill changes (or would change): each column before and after.</summary>
public sealed record LeadChange(Guid LeadId, IReadOnlyList<ColumnChange> Columns, bool IsTestLead);
