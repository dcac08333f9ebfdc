namespace Cairn.Core.Serving;

/// <summary>Ground truth and outcomes by request id (small, random-access: the metadata store).</summary>
public interface IFeedbackStore
{
    /// <summary>Stores feedback in one transaction; a request id given twice keeps the latest.</summary>
    Task AddAsync(IReadOnlyList<Feedback> feedback, CancellationToken cancellationToken);

    /// <summary>The feedback for these request ids of one deployment (absent ids are left out).</summary>
    Task<IReadOnlyDictionary<string, Feedback>> GetAsync(string deployment, IReadOnlyCollection<string> requestIds, CancellationToken cancellationToken);

    /// <summary>Feedback of a deployment received in [fromTimestamp, toTimestamp), oldest first.</summary>
    Task<IReadOnlyList<Feedback>> ListAsync(string deployment, long fromTimestamp, long toTimestamp, int maxResults, CancellationToken cancellationToken);
}
