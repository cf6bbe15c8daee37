using MassTransit;
using Microsoft.Extensions.Logging;

namespace Platform.Messaging;

/// <summary>
/// Runs on every consumer's endpoint before the consumer: a message that breaks its contract's rules is refused with a
/// <see cref="MessageRejectedException"/> (no retry: straight to the _error queue). Rejections a consumer raises itself
/// (a version far ahead, a project moved to another region) pass through here too, so each is logged once, at Warning.
/// </summary>
internal sealed class MessageValidationFilter<T>(MessageValidators validators, MessagingOptions options,
    ILogger<MessageValidationFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var problems = validators.Check(context.Message, options.MaxAmount);
        if (problems.Count > 0)
        {
            var rejected = new MessageRejectedException(string.Join("; ", problems));
            Log(context, rejected);
            await PublishFault(context, rejected);
            throw rejected;
        }
        try
        {
            await next.Send(context);
        }
        catch (MessageRejectedException e)
        {
            Log(context, e);
            throw;
        }
    }

    /// <summary>
    /// As a failing consumer would: Fault&lt;T&gt; is published (no consumer ran to do it), then the move to _error. A broker
    /// refusing the fault (a service user without rights on the fault exchange) must not turn the rejection into retries.
    /// </summary>
    private async Task PublishFault(ConsumeContext<T> context, MessageRejectedException rejected)
    {
        try
        {
            await context.NotifyFaulted(context, TimeSpan.Zero, "message-validation", rejected);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The fault of rejected {MessageType} {MessageId} could not be published", typeof(T).Name, context.MessageId);
        }
    }

    private void Log(ConsumeContext<T> context, MessageRejectedException e) =>
        logger.LogWarning("Rejected {MessageType} {MessageId} on {InputAddress}: {Reason}",
            typeof(T).Name, context.MessageId, context.ReceiveContext.InputAddress, e.Reason);

    public void Probe(ProbeContext context) => context.CreateFilterScope("message-validation");
}
