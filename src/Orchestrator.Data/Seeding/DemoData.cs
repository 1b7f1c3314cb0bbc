namespace Orchestrator.Data.Seeding;

/// <summary>The fixed parts of the demo: names, zones, the questionnaire.</summary>
internal static class DemoData
{
    public const string CampaignName = "Demo progressive";
    public const string ListName = "Demo leads";
    public const string TrunkName = "sim";
    public const string TeamName = "Demo team";
    public const int FirstAgentExtension = 2001;

    public static string AgentLogin(int extension) => FormattableString.Invariant($"agent{extension}");

    public static readonly string[] FirstNames =
    [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Karen", "Carlos", "Maria",
        "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty", "Mark", "Sandra", "Luis", "Ashley",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
    ];

    public static readonly string[] TimeZones =
    [
        "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles",
    ];

    /// <summary>
    /// Three questions; the second is shown only when the first was answered "yes". The schema belongs to
    /// the questionnaire engine; this is a small, plausible instance of it.
    /// </summary>
    public const string QuestionnaireDefinition = """
        {
          "schemaVersion": 1,
          "questions": [
            { "key": "interested", "type": "yesNo", "text": "Are you interested in hearing about our new plan?" },
            {
              "key": "plan",
              "type": "choice",
              "text": "Which plan suits you best?",
              "options": [ { "key": "basic", "label": "Basic" }, { "key": "plus", "label": "Plus" }, { "key": "premium", "label": "Premium" } ],
              "showWhen": { "question": "interested", "equals": "yes" }
            },
            { "key": "comments", "type": "text", "text": "Anything else we should know?", "required": false }
          ]
        }
        """;
}
