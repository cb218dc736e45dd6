using System.Text.RegularExpressions;

namespace SessionSite.Tests.Unit;

/// <summary>
/// The site's namespaces form no cycle: a feature may use the cross-cutting parts and other features, but no two
/// parts lean on each other. Read from the source: <c>using SessionSite.X</c> lines, fully written names, and names
/// written relative to the root (<c>Telemetry.SiteMetrics</c>) when X declares that type.
/// </summary>
public sealed partial class NamespaceCycleTests
{
    [GeneratedRegex(@"^namespace\s+(SessionSite(?:\.\w+)*)\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(SessionSite(?:\.\w+)*)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"\b(?:public|internal|private)?\s*(?:sealed\s+|static\s+|abstract\s+|partial\s+|readonly\s+)*(?:class|record|struct|interface|enum)\s+(?:struct\s+)?(\w+)")]
    private static partial Regex TypeDeclaration();

    private static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SessionSite.sln")))
                return Path.Combine(dir.FullName, "SessionSite");
        throw new InvalidOperationException("SessionSite.sln not found above the test output.");
    }

    /// <summary>Each namespace of the site and the other site namespaces its files use.</summary>
    private static Dictionary<string, HashSet<string>> Dependencies()
    {
        var files = Directory.EnumerateFiles(SourceRoot(), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(path => (Text: File.ReadAllText(path), Namespace: NamespaceLine().Match(File.ReadAllText(path)) is { Success: true } m ? m.Groups[1].Value : "SessionSite"))
            .ToList();
        var typesOf = files.GroupBy(f => f.Namespace).ToDictionary(g => g.Key,
            g => g.SelectMany(f => TypeDeclaration().Matches(f.Text).Select(t => t.Groups[1].Value)).ToHashSet());
        var graph = typesOf.Keys.ToDictionary(ns => ns, _ => new HashSet<string>());
        foreach (var (text, ns) in files)
        {
            foreach (Match used in UsingLine().Matches(text))
                graph[ns].Add(used.Groups[1].Value);
            var body = UsingLine().Replace(NamespaceLine().Replace(text, ""), "");
            foreach (var other in typesOf.Keys.Where(other => other != ns))
            {
                if (other == "SessionSite")
                    continue;
                var relative = other["SessionSite.".Length..];
                if (typesOf[other].Any(type => Regex.IsMatch(body, $@"(?<![\w.])(?:SessionSite\.)?{Regex.Escape(relative)}\.{type}\b")))
                    graph[ns].Add(other);
            }
        }
        foreach (var (ns, used) in graph)
            used.RemoveWhere(u => u == ns || !graph.ContainsKey(u));
        return graph;
    }

    [Fact]
    public void NoNamespaceDependsOnItselfThroughOthers()
    {
        var graph = Dependencies();
        var cycles = new List<string>();
        foreach (var start in graph.Keys)
        {
            // A path back to the start through the graph is a cycle; report each once, from its smallest name.
            var path = FindPath(graph, start, start, []);
            if (path is not null && path.Min(StringComparer.Ordinal) == start)
                cycles.Add(string.Join(" -> ", path.Append(start)));
        }

        Assert.True(cycles.Count == 0, "Namespace cycles:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void TheReaderSeesTheDependenciesThatExist()
    {
        var graph = Dependencies();

        Assert.Contains("SessionSite.Redis", graph["SessionSite.Sessions"]);
        Assert.Contains("SessionSite.Telemetry", graph["SessionSite.Accounts"]); // written as Telemetry.SiteMetrics
        Assert.Contains("SessionSite.Web", graph["SessionSite.Telemetry"]); // a using line
        // Activity.Current in the outbox is System.Diagnostics', not the site's Activity namespace.
        Assert.Contains("Activity.Current", File.ReadAllText(Path.Combine(SourceRoot(), "Mail", "MailOutbox.cs")));
        Assert.DoesNotContain("SessionSite.Activity", graph["SessionSite.Mail"]);
    }

    private static List<string>? FindPath(Dictionary<string, HashSet<string>> graph, string from, string to, HashSet<string> seen)
    {
        foreach (var next in graph[from].Order(StringComparer.Ordinal))
        {
            if (next == to)
                return [from];
            if (!seen.Add(next))
                continue;
            if (FindPath(graph, next, to, seen) is { } rest)
                return [from, .. rest];
        }
        return null;
    }
}
