using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cairn.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "applied_pipelines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SpecText = table.Column<string>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    WorkingDirectory = table.Column<string>(type: "TEXT", nullable: true),
                    ParamsJson = table.Column<string>(type: "TEXT", nullable: false),
                    AppliedTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_applied_pipelines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "data_sets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_sets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deployment_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Deployment = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: true),
                    VariantsJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deployment_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deployments",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    StickyKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    VariantsJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreationTimestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    LastUpdatedTimestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deployments", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "experiments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ArtifactLocation = table.Column<string>(type: "TEXT", nullable: false),
                    LifecycleStage = table.Column<string>(type: "TEXT", nullable: false),
                    CreationTime = table.Column<long>(type: "INTEGER", nullable: false),
                    LastUpdateTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_experiments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "feedback",
                columns: table => new
                {
                    Deployment = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    Actual = table.Column<string>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Value = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback", x => new { x.Deployment, x.RequestId });
                });

            migrationBuilder.CreateTable(
                name: "lineage_artifacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Uri = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PropertiesJson = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lineage_artifacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "monitor_alert_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Deployment = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Variant = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Metric = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Op = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Threshold = table.Column<double>(type: "REAL", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: true),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitor_alert_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "monitor_alert_rules",
                columns: table => new
                {
                    Deployment = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Metric = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Op = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Threshold = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitor_alert_rules", x => new { x.Deployment, x.Name });
                });

            migrationBuilder.CreateTable(
                name: "monitor_alert_states",
                columns: table => new
                {
                    Deployment = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Variant = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Since = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportId = table.Column<long>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitor_alert_states", x => new { x.Deployment, x.Rule, x.Variant });
                });

            migrationBuilder.CreateTable(
                name: "monitor_configs",
                columns: table => new
                {
                    Deployment = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    IntervalSeconds = table.Column<double>(type: "REAL", nullable: true),
                    Last = table.Column<long>(type: "INTEGER", nullable: true),
                    WindowSeconds = table.Column<double>(type: "REAL", nullable: true),
                    Variant = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DriftJson = table.Column<string>(type: "TEXT", nullable: false),
                    LastRunAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitor_configs", x => x.Deployment);
                });

            migrationBuilder.CreateTable(
                name: "monitor_reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Deployment = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Variant = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Rows = table.Column<long>(type: "INTEGER", nullable: false),
                    BodyJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitor_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipelines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedTime = table.Column<long>(type: "INTEGER", nullable: false),
                    LastRunTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipelines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "registered_models",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreationTime = table.Column<long>(type: "INTEGER", nullable: false),
                    LastUpdatedTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    LastVersion = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registered_models", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rollouts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Deployment = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ActiveDeployment = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Model = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CandidateVariant = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChampionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    StartEventSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    PolicyJson = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StepIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false),
                    StepStartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    Inconclusive = table.Column<int>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollouts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_triggers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AppliedPipelineId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    DefinitionJson = table.Column<string>(type: "TEXT", nullable: false),
                    LastEvaluated = table.Column<long>(type: "INTEGER", nullable: true),
                    LastFired = table.Column<long>(type: "INTEGER", nullable: true),
                    LastRunId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CooldownUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LastReason = table.Column<string>(type: "TEXT", nullable: true),
                    LastReportId = table.Column<long>(type: "INTEGER", nullable: true),
                    Streak = table.Column<int>(type: "INTEGER", nullable: false),
                    LastDatasetVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Cursor = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_triggers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pipeline_triggers_applied_pipelines_AppliedPipelineId",
                        column: x => x.AppliedPipelineId,
                        principalTable: "applied_pipelines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "data_set_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DataSetId = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SourceUri = table.Column<string>(type: "TEXT", nullable: true),
                    ArtifactPath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RowCount = table.Column<long>(type: "INTEGER", nullable: false),
                    ColumnCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    SchemaJson = table.Column<string>(type: "TEXT", nullable: false),
                    ProfileJson = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_set_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_data_set_versions_data_sets_DataSetId",
                        column: x => x.DataSetId,
                        principalTable: "data_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "datasets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExperimentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Digest = table.Column<string>(type: "TEXT", nullable: false),
                    SourceType = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    Schema = table.Column<string>(type: "TEXT", nullable: true),
                    Profile = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_datasets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_datasets_experiments_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "experiments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "experiment_tags",
                columns: table => new
                {
                    ExperimentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_experiment_tags", x => new { x.ExperimentId, x.Key });
                    table.ForeignKey(
                        name: "FK_experiment_tags_experiments_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "experiments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "logged_models",
                columns: table => new
                {
                    ModelId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ExperimentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ArtifactUri = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ModelType = table.Column<string>(type: "TEXT", nullable: true),
                    SourceRunId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CreationTimestampMs = table.Column<long>(type: "INTEGER", nullable: false),
                    LastUpdatedTimestampMs = table.Column<long>(type: "INTEGER", nullable: false),
                    LifecycleStage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_logged_models", x => x.ModelId);
                    table.ForeignKey(
                        name: "FK_logged_models_experiments_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "experiments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "runs",
                columns: table => new
                {
                    RunId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ExperimentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StartTime = table.Column<long>(type: "INTEGER", nullable: false),
                    EndTime = table.Column<long>(type: "INTEGER", nullable: true),
                    ArtifactUri = table.Column<string>(type: "TEXT", nullable: false),
                    LifecycleStage = table.Column<string>(type: "TEXT", nullable: false),
                    DeletedTime = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_runs", x => x.RunId);
                    table.ForeignKey(
                        name: "FK_runs_experiments_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "experiments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PipelineId = table.Column<long>(type: "INTEGER", nullable: false),
                    SpecHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SpecText = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pipeline_versions_pipelines_PipelineId",
                        column: x => x.PipelineId,
                        principalTable: "pipelines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "model_versions",
                columns: table => new
                {
                    RegisteredModelId = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreationTime = table.Column<long>(type: "INTEGER", nullable: false),
                    LastUpdatedTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    CurrentStage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    StorageLocation = table.Column<string>(type: "TEXT", nullable: true),
                    RunId = table.Column<string>(type: "TEXT", nullable: true),
                    RunLink = table.Column<string>(type: "TEXT", nullable: true),
                    ModelId = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StatusMessage = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_model_versions", x => new { x.RegisteredModelId, x.Version });
                    table.ForeignKey(
                        name: "FK_model_versions_registered_models_RegisteredModelId",
                        column: x => x.RegisteredModelId,
                        principalTable: "registered_models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registered_model_tags",
                columns: table => new
                {
                    RegisteredModelId = table.Column<long>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registered_model_tags", x => new { x.RegisteredModelId, x.Key });
                    table.ForeignKey(
                        name: "FK_registered_model_tags_registered_models_RegisteredModelId",
                        column: x => x.RegisteredModelId,
                        principalTable: "registered_models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rollout_decisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RolloutId = table.Column<long>(type: "INTEGER", nullable: false),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    NumbersJson = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollout_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rollout_decisions_rollouts_RolloutId",
                        column: x => x.RolloutId,
                        principalTable: "rollouts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "data_set_tags",
                columns: table => new
                {
                    DataSetId = table.Column<long>(type: "INTEGER", nullable: false),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    VersionId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_set_tags", x => new { x.DataSetId, x.Tag });
                    table.ForeignKey(
                        name: "FK_data_set_tags_data_set_versions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "data_set_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_data_set_tags_data_sets_DataSetId",
                        column: x => x.DataSetId,
                        principalTable: "data_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "logged_model_params",
                columns: table => new
                {
                    ModelId = table.Column<string>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_logged_model_params", x => new { x.ModelId, x.Key });
                    table.ForeignKey(
                        name: "FK_logged_model_params_logged_models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "logged_models",
                        principalColumn: "ModelId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "logged_model_tags",
                columns: table => new
                {
                    ModelId = table.Column<string>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_logged_model_tags", x => new { x.ModelId, x.Key });
                    table.ForeignKey(
                        name: "FK_logged_model_tags_logged_models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "logged_models",
                        principalColumn: "ModelId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "latest_metrics",
                columns: table => new
                {
                    RunId = table.Column<string>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    IsNaN = table.Column<bool>(type: "INTEGER", nullable: false),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    Step = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_latest_metrics", x => new { x.RunId, x.Key });
                    table.ForeignKey(
                        name: "FK_latest_metrics_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "runs",
                        principalColumn: "RunId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "metrics",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    RunId = table.Column<string>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    IsNaN = table.Column<bool>(type: "INTEGER", nullable: false),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    Step = table.Column<long>(type: "INTEGER", nullable: false),
                    ModelId = table.Column<string>(type: "TEXT", nullable: true),
                    DatasetName = table.Column<string>(type: "TEXT", nullable: true),
                    DatasetDigest = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_metrics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_metrics_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "runs",
                        principalColumn: "RunId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "params",
                columns: table => new
                {
                    RunId = table.Column<string>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_params", x => new { x.RunId, x.Key });
                    table.ForeignKey(
                        name: "FK_params_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "runs",
                        principalColumn: "RunId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "run_dataset_inputs",
                columns: table => new
                {
                    RunId = table.Column<string>(type: "TEXT", nullable: false),
                    DatasetId = table.Column<long>(type: "INTEGER", nullable: false),
                    Context = table.Column<string>(type: "TEXT", nullable: true),
                    TagsJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_run_dataset_inputs", x => new { x.RunId, x.DatasetId });
                    table.ForeignKey(
                        name: "FK_run_dataset_inputs_datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_run_dataset_inputs_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "runs",
                        principalColumn: "RunId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "run_model_inputs",
                columns: table => new
                {
                    RunId = table.Column<string>(type: "TEXT", nullable: false),
                    ModelId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_run_model_inputs", x => new { x.RunId, x.ModelId });
                    table.ForeignKey(
                        name: "FK_run_model_inputs_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "runs",
                        principalColumn: "RunId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "run_model_outputs",
                columns: table => new
                {
                    RunId = table.Column<string>(type: "TEXT", nullable: false),
                    ModelId = table.Column<string>(type: "TEXT", nullable: false),
                    Step = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_run_model_outputs", x => new { x.RunId, x.ModelId, x.Step });
                    table.ForeignKey(
                        name: "FK_run_model_outputs_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "runs",
                        principalColumn: "RunId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "run_tags",
                columns: table => new
                {
                    RunId = table.Column<string>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_run_tags", x => new { x.RunId, x.Key });
                    table.ForeignKey(
                        name: "FK_run_tags_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "runs",
                        principalColumn: "RunId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_runs",
                columns: table => new
                {
                    RunId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PipelineVersionId = table.Column<long>(type: "INTEGER", nullable: false),
                    ParamsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    NoCache = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedTime = table.Column<long>(type: "INTEGER", nullable: false),
                    EndTime = table.Column<long>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    TrackingRunId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_runs", x => x.RunId);
                    table.ForeignKey(
                        name: "FK_pipeline_runs_pipeline_versions_PipelineVersionId",
                        column: x => x.PipelineVersionId,
                        principalTable: "pipeline_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "model_version_tags",
                columns: table => new
                {
                    RegisteredModelId = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_model_version_tags", x => new { x.RegisteredModelId, x.Version, x.Key });
                    table.ForeignKey(
                        name: "FK_model_version_tags_model_versions_RegisteredModelId_Version",
                        columns: x => new { x.RegisteredModelId, x.Version },
                        principalTable: "model_versions",
                        principalColumns: new[] { "RegisteredModelId", "Version" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registered_model_aliases",
                columns: table => new
                {
                    RegisteredModelId = table.Column<long>(type: "INTEGER", nullable: false),
                    Alias = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registered_model_aliases", x => new { x.RegisteredModelId, x.Alias });
                    table.ForeignKey(
                        name: "FK_registered_model_aliases_model_versions_RegisteredModelId_Version",
                        columns: x => new { x.RegisteredModelId, x.Version },
                        principalTable: "model_versions",
                        principalColumns: new[] { "RegisteredModelId", "Version" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "executions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<string>(type: "TEXT", nullable: false),
                    StepId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    CacheKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Worker = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedTime = table.Column<long>(type: "INTEGER", nullable: false),
                    StartTime = table.Column<long>(type: "INTEGER", nullable: true),
                    EndTime = table.Column<long>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    Log = table.Column<string>(type: "TEXT", nullable: true),
                    LogPath = table.Column<string>(type: "TEXT", nullable: true),
                    CachedFromExecutionId = table.Column<long>(type: "INTEGER", nullable: true),
                    MetricsJson = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_executions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_executions_pipeline_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "pipeline_runs",
                        principalColumn: "RunId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lineage_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExecutionId = table.Column<long>(type: "INTEGER", nullable: false),
                    ArtifactId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Slot = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lineage_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_lineage_events_executions_ExecutionId",
                        column: x => x.ExecutionId,
                        principalTable: "executions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_lineage_events_lineage_artifacts_ArtifactId",
                        column: x => x.ArtifactId,
                        principalTable: "lineage_artifacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_applied_pipelines_Name",
                table: "applied_pipelines",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_data_set_tags_VersionId",
                table: "data_set_tags",
                column: "VersionId");

            migrationBuilder.CreateIndex(
                name: "IX_data_set_versions_DataSetId_CreatedAtMs",
                table: "data_set_versions",
                columns: new[] { "DataSetId", "CreatedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_data_set_versions_DataSetId_Version",
                table: "data_set_versions",
                columns: new[] { "DataSetId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_data_set_versions_Version",
                table: "data_set_versions",
                column: "Version");

            migrationBuilder.CreateIndex(
                name: "IX_data_sets_Name",
                table: "data_sets",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_datasets_ExperimentId_Name_Digest",
                table: "datasets",
                columns: new[] { "ExperimentId", "Name", "Digest" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deployment_events_Deployment_Sequence",
                table: "deployment_events",
                columns: new[] { "Deployment", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_executions_CacheKey_State",
                table: "executions",
                columns: new[] { "CacheKey", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_executions_RunId_StepId_Attempt",
                table: "executions",
                columns: new[] { "RunId", "StepId", "Attempt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_experiments_Name",
                table: "experiments",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_feedback_Deployment_Timestamp",
                table: "feedback",
                columns: new[] { "Deployment", "Timestamp" });

            migrationBuilder.CreateIndex(
                name: "IX_latest_metrics_Key_Value",
                table: "latest_metrics",
                columns: new[] { "Key", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_lineage_artifacts_ContentHash",
                table: "lineage_artifacts",
                column: "ContentHash");

            migrationBuilder.CreateIndex(
                name: "IX_lineage_artifacts_Uri",
                table: "lineage_artifacts",
                column: "Uri");

            migrationBuilder.CreateIndex(
                name: "IX_lineage_events_ArtifactId_Kind",
                table: "lineage_events",
                columns: new[] { "ArtifactId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_lineage_events_ExecutionId_Kind",
                table: "lineage_events",
                columns: new[] { "ExecutionId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_logged_models_ExperimentId_CreationTimestampMs",
                table: "logged_models",
                columns: new[] { "ExperimentId", "CreationTimestampMs" });

            migrationBuilder.CreateIndex(
                name: "IX_logged_models_ExperimentId_Name",
                table: "logged_models",
                columns: new[] { "ExperimentId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_logged_models_SourceRunId",
                table: "logged_models",
                column: "SourceRunId");

            migrationBuilder.CreateIndex(
                name: "IX_metrics_ModelId_Key",
                table: "metrics",
                columns: new[] { "ModelId", "Key" },
                filter: "\"ModelId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_metrics_RunId_Key_Step_Timestamp",
                table: "metrics",
                columns: new[] { "RunId", "Key", "Step", "Timestamp" });

            migrationBuilder.CreateIndex(
                name: "IX_model_versions_LastUpdatedTime",
                table: "model_versions",
                column: "LastUpdatedTime");

            migrationBuilder.CreateIndex(
                name: "IX_model_versions_RegisteredModelId_CurrentStage_Version",
                table: "model_versions",
                columns: new[] { "RegisteredModelId", "CurrentStage", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_model_versions_RunId",
                table: "model_versions",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_monitor_alert_events_Deployment_Id",
                table: "monitor_alert_events",
                columns: new[] { "Deployment", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_monitor_reports_Deployment_Id",
                table: "monitor_reports",
                columns: new[] { "Deployment", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_monitor_reports_Deployment_Variant_CreatedAt",
                table: "monitor_reports",
                columns: new[] { "Deployment", "Variant", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_params_Key_Value",
                table: "params",
                columns: new[] { "Key", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_runs_PipelineVersionId_CreatedTime",
                table: "pipeline_runs",
                columns: new[] { "PipelineVersionId", "CreatedTime" });

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_runs_Status",
                table: "pipeline_runs",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_triggers_AppliedPipelineId_Key",
                table: "pipeline_triggers",
                columns: new[] { "AppliedPipelineId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_versions_PipelineId_SpecHash",
                table: "pipeline_versions",
                columns: new[] { "PipelineId", "SpecHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_Name",
                table: "pipelines",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_registered_model_aliases_RegisteredModelId_Version",
                table: "registered_model_aliases",
                columns: new[] { "RegisteredModelId", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_registered_models_LastUpdatedTime",
                table: "registered_models",
                column: "LastUpdatedTime");

            migrationBuilder.CreateIndex(
                name: "IX_registered_models_Name",
                table: "registered_models",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rollout_decisions_RolloutId_Id",
                table: "rollout_decisions",
                columns: new[] { "RolloutId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_rollouts_ActiveDeployment",
                table: "rollouts",
                column: "ActiveDeployment",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rollouts_Deployment_Id",
                table: "rollouts",
                columns: new[] { "Deployment", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_rollouts_State",
                table: "rollouts",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_run_dataset_inputs_DatasetId",
                table: "run_dataset_inputs",
                column: "DatasetId");

            migrationBuilder.CreateIndex(
                name: "IX_run_tags_Key_Value",
                table: "run_tags",
                columns: new[] { "Key", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_runs_ExperimentId_StartTime",
                table: "runs",
                columns: new[] { "ExperimentId", "StartTime" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_set_tags");

            migrationBuilder.DropTable(
                name: "deployment_events");

            migrationBuilder.DropTable(
                name: "deployments");

            migrationBuilder.DropTable(
                name: "experiment_tags");

            migrationBuilder.DropTable(
                name: "feedback");

            migrationBuilder.DropTable(
                name: "latest_metrics");

            migrationBuilder.DropTable(
                name: "lineage_events");

            migrationBuilder.DropTable(
                name: "logged_model_params");

            migrationBuilder.DropTable(
                name: "logged_model_tags");

            migrationBuilder.DropTable(
                name: "metrics");

            migrationBuilder.DropTable(
                name: "model_version_tags");

            migrationBuilder.DropTable(
                name: "monitor_alert_events");

            migrationBuilder.DropTable(
                name: "monitor_alert_rules");

            migrationBuilder.DropTable(
                name: "monitor_alert_states");

            migrationBuilder.DropTable(
                name: "monitor_configs");

            migrationBuilder.DropTable(
                name: "monitor_reports");

            migrationBuilder.DropTable(
                name: "params");

            migrationBuilder.DropTable(
                name: "pipeline_triggers");

            migrationBuilder.DropTable(
                name: "registered_model_aliases");

            migrationBuilder.DropTable(
                name: "registered_model_tags");

            migrationBuilder.DropTable(
                name: "rollout_decisions");

            migrationBuilder.DropTable(
                name: "run_dataset_inputs");

            migrationBuilder.DropTable(
                name: "run_model_inputs");

            migrationBuilder.DropTable(
                name: "run_model_outputs");

            migrationBuilder.DropTable(
                name: "run_tags");

            migrationBuilder.DropTable(
                name: "data_set_versions");

            migrationBuilder.DropTable(
                name: "executions");

            migrationBuilder.DropTable(
                name: "lineage_artifacts");

            migrationBuilder.DropTable(
                name: "logged_models");

            migrationBuilder.DropTable(
                name: "applied_pipelines");

            migrationBuilder.DropTable(
                name: "model_versions");

            migrationBuilder.DropTable(
                name: "rollouts");

            migrationBuilder.DropTable(
                name: "datasets");

            migrationBuilder.DropTable(
                name: "runs");

            migrationBuilder.DropTable(
                name: "data_sets");

            migrationBuilder.DropTable(
                name: "pipeline_runs");

            migrationBuilder.DropTable(
                name: "registered_models");

            migrationBuilder.DropTable(
                name: "experiments");

            migrationBuilder.DropTable(
                name: "pipeline_versions");

            migrationBuilder.DropTable(
                name: "pipelines");
        }
    }
}
