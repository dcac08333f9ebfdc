using System.Globalization;
using Cairn.Core.Errors;

namespace Cairn.Core.Search;

public static partial class SearchFilterParser
{
    private static readonly string[] DatasetKeys = ["name", "digest", "context"];

    /// <summary>Gives a syntactic clause its meaning in the context: entity, canonical key, allowed comparator and value type.</summary>
    private static SearchComparison Resolve(RawClause clause, SearchRules rules)
    {
        var (entity, key, attribute) = ResolveIdentifier(clause.Identifier, rules.FilterPrefixes, rules.FilterAttributes, rules, "filter");
        return entity switch
        {
            SearchEntity.Metric => Numeric(clause, entity, key, "metric"),
            SearchEntity.Param => Text(clause, entity, key, SearchRules.KeyValue, "param"),
            SearchEntity.Tag => Text(clause, entity, key, rules.TagComparators, "tag"),
            SearchEntity.Dataset => Text(clause, entity, key, SearchRules.TextOrList, "dataset attribute"),
            _ when attribute!.Kind == AttributeKind.Numeric => NumericAttribute(clause, key, rules),
            _ => Text(clause, entity, key, rules.StringAttributeComparators, "attribute"),
        };
    }

    private static (SearchEntity Entity, string Key, AttributeRule? Attribute) ResolveIdentifier(
        SearchToken identifier,
        IReadOnlyDictionary<string, SearchEntity> prefixes,
        IReadOnlyDictionary<string, AttributeRule> attributes,
        SearchRules rules,
        string where)
    {
        var parts = identifier.Parts;
        SearchEntity entity;
        string key;
        if (parts.Count == 1)
        {
            entity = SearchEntity.Attribute;
            key = parts[0].Text;
        }
        else
        {
            var prefix = parts[0].Text;
            if (!prefixes.TryGetValue(prefix, out entity))
            {
                throw CairnException.InvalidParameter(
                    $"Invalid entity type '{prefix}' in {where} key '{identifier.Raw}'. Valid entity types for {Describe(rules.Context)} are {Quote(prefixes.Keys)}.");
            }

            // An unquoted key may hold dots ("tags.mlflow.runName"); everything after the prefix is the key.
            key = string.Join('.', parts.Skip(1).Select(p => p.Text));
        }

        if (key.Length == 0)
        {
            throw CairnException.InvalidParameter($"Invalid {where} key '{identifier.Raw}': the key is empty.");
        }

        if (entity == SearchEntity.Dataset && !DatasetKeys.Contains(key))
        {
            throw CairnException.InvalidParameter(
                $"Invalid dataset key '{key}' in '{identifier.Raw}'. Valid dataset keys are {Quote(DatasetKeys)}.");
        }

        if (entity != SearchEntity.Attribute)
        {
            return (entity, key, null);
        }

        if (!attributes.TryGetValue(key, out var attribute))
        {
            throw CairnException.InvalidParameter(
                $"Invalid attribute key '{key}' in {where} '{identifier.Raw}'. Valid attribute keys for {Describe(rules.Context)} are {Quote(attributes.Keys)}"
                + (parts.Count == 1 ? "; prefix other keys with their entity, e.g. metrics.<key>, params.<key> or tags.<key>." : "."));
        }

        return (entity, attribute.Canonical, attribute);
    }

    private static SearchComparison Numeric(RawClause clause, SearchEntity entity, string key, string what)
    {
        CheckComparator(clause, SearchRules.Numeric, $"{what} '{key}'");
        if (clause.Value.Kind != ValueKind.Number)
        {
            throw CairnException.InvalidParameter(
                $"Expected numeric value type for {what}. Found {clause.Value.Raw} in clause '{clause.Text}'; {what} values must be unquoted numbers.");
        }

        return new SearchComparison(entity, key, clause.Comparator) { Number = clause.Value.Number };
    }

    private static SearchComparison NumericAttribute(RawClause clause, string key, SearchRules rules)
    {
        CheckComparator(clause, SearchRules.Numeric, $"numeric attribute '{key}'");
        var value = clause.Value;
        if (value.Kind == ValueKind.String && rules.QuotedNumberAttributes.Contains(key)
            && long.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return new SearchComparison(SearchEntity.Attribute, key, clause.Comparator) { Number = parsed };
        }

        if (value.Kind != ValueKind.Number)
        {
            throw CairnException.InvalidParameter(
                $"Expected numeric value type for numeric attribute: {key}. Found {value.Raw} in clause '{clause.Text}'.");
        }

        return new SearchComparison(SearchEntity.Attribute, key, clause.Comparator) { Number = value.Number };
    }

    private static SearchComparison Text(RawClause clause, SearchEntity entity, string key, Comparator[] allowed, string what)
    {
        CheckComparator(clause, allowed, $"{what} '{key}'");
        var value = clause.Value;
        return value.Kind switch
        {
            ValueKind.None => new SearchComparison(entity, key, clause.Comparator),
            ValueKind.List => new SearchComparison(entity, key, clause.Comparator) { List = value.List },
            ValueKind.String => new SearchComparison(entity, key, clause.Comparator) { Text = value.Text },
            _ => throw CairnException.InvalidParameter(
                $"Expected a quoted string value for {what} '{key}' (e.g. 'my-value'). Got value {value.Raw} in clause '{clause.Text}'."),
        };
    }

    private static void CheckComparator(RawClause clause, Comparator[] allowed, string subject)
    {
        if (!allowed.Contains(clause.Comparator))
        {
            throw CairnException.InvalidParameter(
                $"Invalid comparator '{clause.ComparatorText}' for {subject} in clause '{clause.Text}'. Valid comparators are {SearchRules.Describe(allowed)}.");
        }
    }

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    private static string Describe(SearchContext context) => context switch
    {
        SearchContext.Runs => "runs",
        SearchContext.Experiments => "experiments",
        SearchContext.RegisteredModels => "registered models",
        SearchContext.ModelVersions => "model versions",
        _ => "logged models",
    };
}
