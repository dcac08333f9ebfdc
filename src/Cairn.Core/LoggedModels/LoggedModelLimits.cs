namespace Cairn.Core.LoggedModels;

/// <summary>MLflow's limits for logged models (validation.py), checked before anything is written.</summary>
public static class LoggedModelLimits
{
    public const int MaxKeyLength = 250;
    public const int MaxTagValueLength = 8000;
    public const int MaxParamValueLength = 6000;
    public const int MaxNameLength = 500;
    public const int DefaultSearchResults = 100;
    public const int MaxSearchResults = 50000;
}
