namespace Cairn.Core.Search;

internal enum AttributeKind
{
    String,
    Numeric,
}

/// <summary>An attribute as written (possibly an alias), its canonical key and its value type.</summary>
internal sealed record AttributeRule(string Canonical, AttributeKind Kind);

/// <summary>
/// What one search context accepts: entity prefixes, attribute keys (with aliases) and comparators per
/// value type. The tables follow MLflow's SearchUtils family (runs, experiments, registered models,
/// model versions, logged models) so its clients get the same answers.
/// </summary>
internal sealed record SearchRules
{
    public static readonly Comparator[] Numeric =
        [Comparator.Equal, Comparator.NotEqual, Comparator.Greater, Comparator.GreaterOrEqual, Comparator.Less, Comparator.LessOrEqual];

    public static readonly Comparator[] KeyValue =
        [Comparator.Equal, Comparator.NotEqual, Comparator.Like, Comparator.ILike, Comparator.IsNull, Comparator.IsNotNull];

    public static readonly Comparator[] Text = [Comparator.Equal, Comparator.NotEqual, Comparator.Like, Comparator.ILike];

    public static readonly Comparator[] TextOrList = [.. Text, Comparator.In, Comparator.NotIn];

    public required SearchContext Context { get; init; }

    /// <summary>Prefixes allowed before the dot in a filter, e.g. <c>metrics</c> → Metric.</summary>
    public required IReadOnlyDictionary<string, SearchEntity> FilterPrefixes { get; init; }

    /// <summary>Attribute keys a filter may name (bare or with an attribute prefix), aliases included.</summary>
    public required IReadOnlyDictionary<string, AttributeRule> FilterAttributes { get; init; }

    public required IReadOnlyDictionary<string, SearchEntity> OrderPrefixes { get; init; }

    public required IReadOnlyDictionary<string, AttributeRule> OrderAttributes { get; init; }

    public Comparator[] StringAttributeComparators { get; init; } = TextOrList;

    public Comparator[] TagComparators { get; init; } = KeyValue;

    /// <summary>Numeric attributes that also take a quoted integer (<c>version_number = '3'</c>).</summary>
    public IReadOnlySet<string> QuotedNumberAttributes { get; init; } = new HashSet<string>();

    public static SearchRules For(SearchContext context) => context switch
    {
        SearchContext.Runs => Runs,
        SearchContext.Experiments => Experiments,
        SearchContext.RegisteredModels => RegisteredModels,
        SearchContext.ModelVersions => ModelVersions,
        SearchContext.LoggedModels => LoggedModels,
        _ => throw new ArgumentOutOfRangeException(nameof(context), context, "Unknown search context."),
    };

    private static readonly Dictionary<string, SearchEntity> AllPrefixes = new(StringComparer.Ordinal)
    {
        ["metric"] = SearchEntity.Metric,
        ["metrics"] = SearchEntity.Metric,
        ["param"] = SearchEntity.Param,
        ["params"] = SearchEntity.Param,
        ["parameter"] = SearchEntity.Param,
        ["parameters"] = SearchEntity.Param,
        ["tag"] = SearchEntity.Tag,
        ["tags"] = SearchEntity.Tag,
        ["attribute"] = SearchEntity.Attribute,
        ["attributes"] = SearchEntity.Attribute,
        ["attr"] = SearchEntity.Attribute,
        ["run"] = SearchEntity.Attribute,
        ["dataset"] = SearchEntity.Dataset,
        ["datasets"] = SearchEntity.Dataset,
    };

    // MLflow's experiment and registry parsers accept exactly these three prefixes ("attributes." is rejected).
    private static readonly Dictionary<string, SearchEntity> AttributeOrTagPrefixes = new(StringComparer.Ordinal)
    {
        ["attribute"] = SearchEntity.Attribute,
        ["tag"] = SearchEntity.Tag,
        ["tags"] = SearchEntity.Tag,
    };

    private static readonly Dictionary<string, SearchEntity> AttributePrefixOnly = new(StringComparer.Ordinal)
    {
        ["attribute"] = SearchEntity.Attribute,
    };

    private static readonly Dictionary<string, AttributeRule> RunAttributes = Attributes(
        ("run_id", AttributeKind.String, "run_id"),
        ("run_name", AttributeKind.String, "run_name"),
        ("run name", AttributeKind.String, "run_name"),
        ("Run name", AttributeKind.String, "run_name"),
        ("Run Name", AttributeKind.String, "run_name"),
        ("status", AttributeKind.String, "status"),
        ("user_id", AttributeKind.String, "user_id"),
        ("artifact_uri", AttributeKind.String, "artifact_uri"),
        ("start_time", AttributeKind.Numeric, "start_time"),
        ("created", AttributeKind.Numeric, "start_time"),
        ("Created", AttributeKind.Numeric, "start_time"),
        ("end_time", AttributeKind.Numeric, "end_time"));

    private static readonly SearchRules Runs = new()
    {
        Context = SearchContext.Runs,
        FilterPrefixes = AllPrefixes,
        FilterAttributes = RunAttributes,
        OrderPrefixes = AllPrefixes.Where(p => p.Value != SearchEntity.Dataset).ToDictionary(StringComparer.Ordinal),
        OrderAttributes = new Dictionary<string, AttributeRule>(RunAttributes, StringComparer.Ordinal)
        {
            ["experiment_id"] = new("experiment_id", AttributeKind.Numeric),
            ["lifecycle_stage"] = new("lifecycle_stage", AttributeKind.String),
        },
    };

    private static readonly SearchRules Experiments = new()
    {
        Context = SearchContext.Experiments,
        FilterPrefixes = AttributeOrTagPrefixes,
        FilterAttributes = Attributes(
            ("name", AttributeKind.String, "name"),
            ("creation_time", AttributeKind.Numeric, "creation_time"),
            ("last_update_time", AttributeKind.Numeric, "last_update_time")),
        OrderPrefixes = AttributePrefixOnly,
        OrderAttributes = Attributes(
            ("name", AttributeKind.String, "name"),
            ("experiment_id", AttributeKind.Numeric, "experiment_id"),
            ("creation_time", AttributeKind.Numeric, "creation_time"),
            ("last_update_time", AttributeKind.Numeric, "last_update_time")),
        StringAttributeComparators = Text,
    };

    private static readonly SearchRules RegisteredModels = new()
    {
        Context = SearchContext.RegisteredModels,
        FilterPrefixes = AttributeOrTagPrefixes,
        FilterAttributes = Attributes(("name", AttributeKind.String, "name")),
        OrderPrefixes = AttributePrefixOnly,
        OrderAttributes = Attributes(
            ("name", AttributeKind.String, "name"),
            ("creation_timestamp", AttributeKind.Numeric, "creation_timestamp"),
            ("timestamp", AttributeKind.Numeric, "creation_timestamp"),
            ("last_updated_timestamp", AttributeKind.Numeric, "last_updated_timestamp")),
        StringAttributeComparators = Text,
    };

    private static readonly SearchRules ModelVersions = new()
    {
        Context = SearchContext.ModelVersions,
        FilterPrefixes = AttributeOrTagPrefixes,
        FilterAttributes = Attributes(
            ("name", AttributeKind.String, "name"),
            ("run_id", AttributeKind.String, "run_id"),
            ("source_path", AttributeKind.String, "source_path"),
            ("version_number", AttributeKind.Numeric, "version_number")),
        OrderPrefixes = AttributePrefixOnly,
        OrderAttributes = Attributes(
            ("name", AttributeKind.String, "name"),
            ("version_number", AttributeKind.Numeric, "version_number"),
            ("creation_timestamp", AttributeKind.Numeric, "creation_timestamp"),
            ("last_updated_timestamp", AttributeKind.Numeric, "last_updated_timestamp")),
        QuotedNumberAttributes = new HashSet<string>(StringComparer.Ordinal) { "version_number" },
    };

    private static readonly Dictionary<string, AttributeRule> LoggedModelAttributes = Attributes(
        ("name", AttributeKind.String, "name"),
        ("model_id", AttributeKind.String, "model_id"),
        ("model_type", AttributeKind.String, "model_type"),
        ("status", AttributeKind.String, "status"),
        ("source_run_id", AttributeKind.String, "source_run_id"),
        ("creation_timestamp", AttributeKind.Numeric, "creation_timestamp"),
        ("creation_time", AttributeKind.Numeric, "creation_timestamp"),
        ("last_updated_timestamp", AttributeKind.Numeric, "last_updated_timestamp"),
        ("last_updated_time", AttributeKind.Numeric, "last_updated_timestamp"));

    private static readonly SearchRules LoggedModels = new()
    {
        Context = SearchContext.LoggedModels,
        FilterPrefixes = AllPrefixes.Where(p => p.Value != SearchEntity.Dataset).ToDictionary(StringComparer.Ordinal),
        FilterAttributes = LoggedModelAttributes,

        // MLflow orders logged models by an attribute or by "metrics.<key>" only.
        OrderPrefixes = new Dictionary<string, SearchEntity>(StringComparer.Ordinal) { ["metrics"] = SearchEntity.Metric },
        OrderAttributes = LoggedModelAttributes,
    };

    private static Dictionary<string, AttributeRule> Attributes(params (string Name, AttributeKind Kind, string Canonical)[] rules) =>
        rules.ToDictionary(r => r.Name, r => new AttributeRule(r.Canonical, r.Kind), StringComparer.Ordinal);

    public static string Describe(IEnumerable<Comparator> comparators) => string.Join(", ", comparators.Select(Describe));

    public static string Describe(Comparator comparator) => comparator switch
    {
        Comparator.Equal => "=",
        Comparator.NotEqual => "!=",
        Comparator.Greater => ">",
        Comparator.GreaterOrEqual => ">=",
        Comparator.Less => "<",
        Comparator.LessOrEqual => "<=",
        Comparator.Like => "LIKE",
        Comparator.ILike => "ILIKE",
        Comparator.In => "IN",
        Comparator.NotIn => "NOT IN",
        Comparator.IsNull => "IS NULL",
        Comparator.IsNotNull => "IS NOT NULL",
        _ => comparator.ToString(),
    };
}
