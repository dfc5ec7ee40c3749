namespace MarginEngine.Tests;

/// <summary>Locates files of the repository (the example books under docs/examples) from the test binaries.</summary>
internal static class TestFiles
{
    public static string Repository { get; } = Find();

    public static string Example(string name) => File.ReadAllText(Path.Combine(Repository, "docs", "examples", name));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MarginEngine.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("MarginEngine.sln not found above the test binaries");
    }
}
