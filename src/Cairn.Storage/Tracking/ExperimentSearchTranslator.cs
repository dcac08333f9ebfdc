using Cairn.Core.Search;
using Cairn.Storage.Entities;

namespace Cairn.Storage.Tracking;

// Placeholder until the search branch lands.
internal static class ExperimentSearchTranslator
{
    public static IQueryable<ExperimentEntity> Apply(MetadataContext db, ExperimentSearchQuery query) => db.Experiments;
}
