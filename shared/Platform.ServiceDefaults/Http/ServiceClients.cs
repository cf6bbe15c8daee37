using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace Platform.ServiceDefaults.Http;

/// <summary>
/// A typed Refit client for another service's HTTP API, with the standard resilience pipeline
/// (timeouts, retries with jitter on transient failures, circuit breaker) and correlation/token forwarding.
/// The base address comes from configuration <c>Services:{name}</c>.
/// </summary>
public static class ServiceClients
{
    public static IHttpClientBuilder AddServiceClient<TClient>(this IServiceCollection services, IConfiguration configuration, string name)
        where TClient : class
    {
        services.AddHttpContextAccessor();
        services.AddTransient<ForwardingHandler>();
        var address = configuration[$"Services:{name}"]
            ?? throw new InvalidOperationException($"Configuration Services:{name} (the base address of the {name} service) is missing.");
        var builder = services
            // Refit 16 builds requests only through the source-generated client (the reflection builder is a separate
            // package): the project declaring TClient must reference Refit directly so its generator runs there.
            .AddRefitGeneratedClient<TClient>(new RefitSettings { ContentSerializer = new SystemTextJsonContentSerializer(Json.Options) })
            .ConfigureHttpClient(c => c.BaseAddress = new Uri(address))
            .AddHttpMessageHandler<ForwardingHandler>();
        builder.AddStandardResilienceHandler();
        return builder;
    }
}
