using Microsoft.AspNetCore.Http.HttpResults;

namespace Orchestrator.Host.Apis;

/// <summary>The API's errors, as RFC 9457 problem details.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflicts with the current state");

    public static ProblemHttpResult Unavailable(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "A dependency is unavailable");

    public static ValidationProblem Invalid(IEnumerable<KeyValuePair<string, string>> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Value).ToArray(), StringComparer.Ordinal),
            title: "The request has invalid fields");

    public static ValidationProblem Invalid(string field, string message) => Invalid([new(field, message)]);
}
