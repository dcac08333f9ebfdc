using Cairn.Core.Search;
using Cairn.Storage.Entities;

namespace Cairn.Storage.Tracking;

// Placeholder until the search branch lands.
internal static class RunSearchTranslator
{
    public static IQueryable<RunEntity> Apply(MetadataContext db, RunSearchQuery query) => db.Runs;
}
