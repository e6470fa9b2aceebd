namespace LeadPlugins.InMemory;

/// <summary>
/// An N:N relationship: Associate writes a row of <paramref name="IntersectEntity"/> holding both ids (queries can
/// join it like the server's intersect table), Disassociate and the Delete of either row remove it.
/// </summary>
public sealed record ManyToManyRelationship(string SchemaName, string IntersectEntity, string Entity1, string Entity1IntersectAttribute,
    string Entity2, string Entity2IntersectAttribute)
{
    /// <summary>The platform's N:N relationships the harness knows (system users' roles and team members).</summary>
    public static IReadOnlyList<ManyToManyRelationship> BuiltIn { get; } = new[]
    {
        new ManyToManyRelationship("systemuserroles_association", "systemuserroles", "systemuser", "systemuserid", "role", "roleid"),
        new ManyToManyRelationship("teammembership_association", "teammembership", "team", "teamid", "systemuser", "systemuserid"),
    };
}
