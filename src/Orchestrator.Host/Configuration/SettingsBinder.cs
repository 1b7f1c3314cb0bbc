using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Orchestrator.Host.Configuration;

/// <summary>
/// Binds one configuration section onto an options object setting by setting, so that one bad value does not hide
/// the next: every value that does not convert, and every key that names no setting (a typo), becomes a problem
/// naming the key and the fix, and binding goes on.
/// </summary>
internal static class SettingsBinder
{
    public static T Bind<T>(IConfiguration configuration, string sectionName, List<string> problems)
        where T : class, new()
    {
        var options = new T();
        Bind(configuration.GetSection(sectionName), options, sectionName, problems);
        return options;
    }

    private static void Bind(IConfigurationSection section, object target, string path, List<string> problems)
    {
        var properties = target.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

        foreach (var child in section.GetChildren())
        {
            var key = $"{path}:{child.Key}";
            if (!properties.TryGetValue(child.Key, out var property))
            {
                problems.Add($"{key} is not a setting. Remove it or use one of {path}'s settings: {string.Join(", ", properties.Keys.Order(StringComparer.Ordinal))}.");
                continue;
            }

            if (IsSimple(property.PropertyType))
            {
                if (!property.CanWrite)
                {
                    continue;
                }

                try
                {
                    property.SetValue(target, child.Get(property.PropertyType));
                }
                catch (InvalidOperationException)
                {
                    problems.Add($"{key} is '{child.Value}', which is not {Describe(property.PropertyType)}. Set {key} to {Describe(property.PropertyType)}.");
                }
            }
            else if (property.GetValue(target) is { } nested)
            {
                Bind(child, nested, key, problems);
            }
        }
    }

    private static bool IsSimple(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal)
            || underlying == typeof(TimeSpan) || underlying == typeof(DateTimeOffset) || underlying == typeof(Uri);
    }

    private static string Describe(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsEnum)
        {
            return $"one of {string.Join(", ", Enum.GetNames(underlying))}";
        }

        return Type.GetTypeCode(underlying) switch
        {
            TypeCode.Boolean => "true or false",
            TypeCode.Int32 or TypeCode.Int64 or TypeCode.Int16 => "a whole number",
            TypeCode.Double or TypeCode.Single or TypeCode.Decimal => string.Create(CultureInfo.InvariantCulture, $"a number (e.g. {1.5})"),
            _ when underlying == typeof(TimeSpan) => "a duration such as 00:00:05 (hh:mm:ss)",
            _ when underlying == typeof(DateTimeOffset) => "a date and time such as 2026-01-31T09:00:00Z",
            _ => $"a {underlying.Name}",
        };
    }
}
