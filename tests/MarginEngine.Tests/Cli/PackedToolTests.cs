using System.Diagnostics;

namespace MarginEngine.Tests.Cli;

/// <summary>
/// The CLI packs as a .NET tool whose command is <c>margin</c> (README §Install): packed from the build the tests run
/// against, installed into a folder of its own from that package alone, and run.
/// </summary>
[Trait("Category", "External")]
public sealed class PackedToolTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string _work = Directory.CreateTempSubdirectory("margin-tool-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void PackedTool_InstallsAsMargin_AndPrintsTheDemoReport()
    {
        // A fresh version and package cache each run, so an installed copy can only be this build's.
        var version = $"0.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        var feed = Path.Combine(_work, "feed");
        var project = Path.Combine(TestFiles.Repository, "src", "MarginEngine.Cli", "MarginEngine.Cli.csproj");
        Dotnet("pack", project, "-c", Configuration, "--no-build", "-o", feed, $"-p:PackageVersion={version}").Code.Should().Be(0);
        Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName).Should().Equal($"MarginEngine.Cli.{version}.nupkg");

        var tools = Path.Combine(_work, "tools");
        var install = Dotnet("tool", "install", "MarginEngine.Cli", "--tool-path", tools, "--add-source", feed, "--version", version);
        install.Code.Should().Be(0, install.Output);

        var margin = Path.Combine(tools, OperatingSystem.IsWindows() ? "margin.exe" : "margin");
        var versionRun = Run(margin, "--version");
        versionRun.Code.Should().Be(0);
        versionRun.Output.Should().StartWith("margin 0.1.0");
        var report = Run(margin);
        report.Code.Should().Be(0, report.Output);
        report.Output.Should().Contain("account desk-demo").And.Contain("Account (USD)").And.Contain("Maintenance margin");
    }

    private (int Code, string Output) Dotnet(params string[] args) =>
        Run(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", args);

    private (int Code, string Output) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["NUGET_PACKAGES"] = Path.Combine(_work, "packages");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(3)).Should().BeTrue($"{file} {string.Join(' ', args)} finishes");
        return (process.ExitCode, output.Result + error.Result);
    }
}
