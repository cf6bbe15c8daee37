using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Platform.Data;

namespace Platform.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// Wires MassTransit over RabbitMQ (section "RabbitMq"), the outbox dispatcher for <typeparamref name="TDbContext"/>
    /// (section "Messaging"), the SaveChanges interceptor that wakes it, the consumers, the checks of what they receive
    /// (<see cref="ContractRules"/>) and their retry policy.
    /// The service still registers its DbContext itself (AddPlatformDbContext); the interceptor is attached here, and the
    /// outbox's and inbox's tables (<see cref="MessagingSchema"/>) are registered for MigrateDatabaseAsync to create.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformMessaging<TDbContext>(this IHostApplicationBuilder builder,
        string servicePrefix, Action<MessagingOptionsBuilder> configure) where TDbContext : DbContext
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(servicePrefix);
        var spec = new MessagingOptionsBuilder();
        configure(spec);
        var options = builder.Configuration.GetSection("Messaging").Get<MessagingOptions>() ?? new();
        var mq = builder.Configuration.GetSection("RabbitMq").Get<RabbitMqOptions>() ?? new();

        var services = builder.Services;
        services.AddMetrics();
        services.AddSingleton(spec.Registry);
        services.AddSingleton(spec.Validators);
        EventVersion.MaxAhead = options.MaxVersionAhead;
        services.AddSingleton(options);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton(sp => new OutboxMetrics(sp.GetRequiredService<IMeterFactory>(), servicePrefix));
        services.AddSingleton<OutboxSaveChangesInterceptor>();
        services.AddSharedMigration(new SqlMigrations.Script("0000_messaging", MessagingSchema.Sql));
        services.AddOpenTelemetry()
            .WithTracing(t => t.AddSource("MassTransit"))
            .WithMetrics(m => m.AddMeter("Platform.Messaging", "MassTransit"));
        services.ConfigureDbContext<TDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<OutboxSaveChangesInterceptor>()));
        services.AddMassTransit(x =>
        {
            x.DisableUsageTelemetry(); // it would report to the vendor over the internet; bureaus' servers should not
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(
                string.IsNullOrWhiteSpace(options.EndpointPrefix) ? servicePrefix : options.EndpointPrefix, false));
            foreach (var consumer in spec.Consumers) x.AddConsumer(consumer);
            x.ConfigureHealthCheckOptions(h => h.Tags.Add("ready"));
            x.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                endpoint.UseConsumeFilter(typeof(CorrelationConsumeFilter<>), context);
                endpoint.UseConsumeFilter(typeof(MessageValidationFilter<>), context);
                endpoint.ConcurrentMessageLimit = options.ConcurrentMessages;
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.PrefetchCount = options.ConcurrentMessages * 2;
                    if (options.TemporaryQueues)
                    {
                        rabbit.AutoDelete = true;
                        rabbit.Durable = false;
                    }
                }
                // Bounded in-process retries; when exhausted MassTransit moves the message to <queue>_error
                // (it is never acknowledged as handled). A rejected message would fail the same way every time: no retry.
                endpoint.UseMessageRetry(r =>
                {
                    r.Exponential(options.MaxRetries, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100));
                    r.Ignore<MessageRejectedException>();
                });
            });
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(mq.Host, mq.Port, mq.VirtualHost, h =>
                {
                    h.Username(mq.Username);
                    h.Password(mq.Password);
                });
                cfg.ConfigureEndpoints(context);
            });
        });
        // After AddMassTransit: hosted services start in order, so the bus (and its consumer queues) come up first.
        services.AddHostedService<OutboxDispatcher<TDbContext>>();
        return builder;
    }
}
