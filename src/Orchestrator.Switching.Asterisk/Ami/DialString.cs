namespace Orchestrator.Switching.Asterisk.Ami;

/// <summary>
/// Fills a trunk template with a number: <c>{number}</c> is the number as stored (E.164, <c>+15551234567</c>),
/// <c>{digits}</c> the same without the plus (<c>15551234567</c>), for trunks and dialplans that match digits only.
/// The number is checked first: a '/', '&amp;' or ',' in it would let a lead's data dial a second destination.
/// </summary>
public static class DialString
{
    public const string NumberPlaceholder = "{number}";
    public const string DigitsPlaceholder = "{digits}";

    public static string Expand(string template, string number)
    {
        ArgumentException.ThrowIfNullOrEmpty(template);
        ArgumentException.ThrowIfNullOrEmpty(number);
        if (!template.Contains(NumberPlaceholder, StringComparison.Ordinal) && !template.Contains(DigitsPlaceholder, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The trunk template '{template}' has neither a {NumberPlaceholder} nor a {DigitsPlaceholder} placeholder.", nameof(template));
        }

        if (!number.All(c => char.IsAsciiDigit(c) || c is '+' or '*' or '#'))
        {
            throw new ArgumentException($"'{number}' is not a dialable number: only digits, '+', '*' and '#' are allowed.", nameof(number));
        }

        return template
            .Replace(NumberPlaceholder, number, StringComparison.Ordinal)
            .Replace(DigitsPlaceholder, number.TrimStart('+'), StringComparison.Ordinal);
    }
}
