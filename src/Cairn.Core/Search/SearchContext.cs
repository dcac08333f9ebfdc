namespace Cairn.Core.Search;

public enum SearchContext { Runs, Experiments, RegisteredModels, ModelVersions, LoggedModels }
