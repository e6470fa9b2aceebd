using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>
/// Whether an SDK object's lazily made collection holds anything, without making it. Entity.KeyAttributes,
/// FormattedValues and RelatedEntities and EntityReference.KeyAttributes create and keep an empty collection the first
/// time they are read, so testing <c>.Count</c> on every copied row and lookup allocated three dictionaries a row.
/// The backing fields are read instead: named as in Microsoft.Xrm.Sdk 9.0.2.56's IL (Entity: _keyAttributes,
/// _formattedValues, _relatedEntities; EntityReference: _keyCollection), as this repository's stand-in does too. If a version
/// names them otherwise, the properties are read as before.
/// </summary>
internal static class LazyCollections
{
    private static readonly Func<Entity, KeyAttributeCollection?>? EntityKeys = Field<Entity, KeyAttributeCollection>("_keyAttributes");
    private static readonly Func<Entity, FormattedValueCollection?>? EntityFormattedValues = Field<Entity, FormattedValueCollection>("_formattedValues");
    private static readonly Func<Entity, RelatedEntityCollection?>? EntityRelated = Field<Entity, RelatedEntityCollection>("_relatedEntities");
    private static readonly Func<EntityReference, KeyAttributeCollection?>? ReferenceKeys = Field<EntityReference, KeyAttributeCollection>("_keyCollection");

    /// <summary>Whether the reader works through the backing fields (false: through the allocating properties).</summary>
    internal static bool ReadsFields => EntityKeys != null && EntityFormattedValues != null && EntityRelated != null && ReferenceKeys != null;

    public static bool HasKeys(Entity entity) => EntityKeys is { } read ? read(entity) is { Count: > 0 } : entity.KeyAttributes.Count > 0;

    public static bool HasFormattedValues(Entity entity)
        => EntityFormattedValues is { } read ? read(entity) is { Count: > 0 } : entity.FormattedValues.Count > 0;

    public static bool HasRelatedEntities(Entity entity)
        => EntityRelated is { } read ? read(entity) is { Count: > 0 } : entity.RelatedEntities.Count > 0;

    public static bool HasKeys(EntityReference reference)
        => ReferenceKeys is { } read ? read(reference) is { Count: > 0 } : reference.KeyAttributes.Count > 0;

    private static Func<TOwner, TField?>? Field<TOwner, TField>(string name) where TField : class
    {
        var field = typeof(TOwner).GetField(name, BindingFlags.Instance | BindingFlags.NonPublic);
        if (field == null || field.FieldType != typeof(TField)) return null;
        var owner = Expression.Parameter(typeof(TOwner), "owner");
        return Expression.Lambda<Func<TOwner, TField?>>(Expression.Field(owner, field), owner).Compile();
    }
}
