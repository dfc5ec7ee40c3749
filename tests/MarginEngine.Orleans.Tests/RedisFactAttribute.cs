namespace MarginEngine.Orleans.Tests;

/// <summary>A test that needs a Redis server: it runs when MARGINENGINE_REDIS names one (host:port; .ci/run installs and starts redis-server and sets it) and says why it skipped otherwise.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public const string Variable = "MARGINENGINE_REDIS";

    public RedisFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
            Skip = $"needs a Redis server: set {Variable}=host:port (.ci/run installs redis-server with apt-get, starts it on 127.0.0.1 and sets it)";
    }
}
