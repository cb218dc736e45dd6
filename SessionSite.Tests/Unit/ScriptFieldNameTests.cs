using System.Reflection;
using System.Text.RegularExpressions;

namespace SessionSite.Tests.Unit;

/// <summary>
/// Lua scripts name an account's hash fields through the C# constants, so renaming a field cannot leave a script
/// reading a field nobody writes. Read from the source: no field value appears quoted in a <c>redis.call</c>.
/// </summary>
public sealed class ScriptFieldNameTests
{
    private static IEnumerable<string> AccountFieldNames() =>
        typeof(SessionSite.Sessions.SessionGate).Assembly.GetType("SessionSite.Accounts.AccountFields")!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    private static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SessionSite.sln")))
                return Path.Combine(dir.FullName, "SessionSite");
        throw new InvalidOperationException("SessionSite.sln not found above the test output.");
    }

    [Fact]
    public void NoScriptRetypesAnAccountFieldName()
    {
        var names = AccountFieldNames().ToList();
        Assert.Contains("stamp", names);
        var retyped = Directory.EnumerateFiles(SourceRoot(), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(path => File.ReadLines(path).Select((line, i) => (path, line, i)))
            .Where(x => x.line.Contains("redis.call(") && names.Any(n => Regex.IsMatch(x.line, $@"'{Regex.Escape(n)}'")))
            .Select(x => $"{Path.GetFileName(x.path)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();

        Assert.True(retyped.Count == 0, "Scripts that retype a field name:\n" + string.Join("\n", retyped));
    }
}
