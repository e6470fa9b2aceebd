namespace LeadPlugins.InMemory;

/// <summary>The ids of the rows every store starts with: the organization, its root business unit, the SYSTEM user and the default caller.</summary>
public sealed record SystemRowIds(Guid OrganizationId, Guid RootBusinessUnitId, Guid SystemUserId, Guid CallerId);
