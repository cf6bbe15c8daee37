namespace Platform.Messaging;

/// <summary>Helpers for versioned events (every contract carries the aggregate's growing Version).</summary>
public static class EventVersion
{
    /// <summary>
    /// How far an incoming version may be ahead of the one held (nothing held counts as 0). Versions count the
    /// aggregate's changes one by one, so a far larger jump is forged, and applying it would freeze the local view
    /// (every genuine later event would look stale). Process-wide, set from Messaging:MaxVersionAhead.
    /// </summary>
    public static long MaxAhead { get; internal set; } = MessagingOptions.DefaultMaxVersionAhead;

    /// <summary>
    /// True if an event with <paramref name="incoming"/> version should be applied to a local view that has
    /// <paramref name="applied"/> (null = never seen). Older or equal versions are stale redeliveries/reorderings.
    /// Throws <see cref="MessageRejectedException"/> for a version that is not plausible (see <see cref="EnsurePlausible"/>).
    /// </summary>
    public static bool IsNewer(long incoming, long? applied)
    {
        EnsurePlausible(incoming, applied);
        return applied is null || incoming > applied.Value;
    }

    /// <summary>Refuses a version below 1 or more than <see cref="MaxAhead"/> beyond <paramref name="held"/> (null or 0 = nothing held).</summary>
    public static void EnsurePlausible(long incoming, long? held)
    {
        if (incoming < 1) throw new MessageRejectedException($"version {incoming} is not a version (versions start at 1)");
        var from = Math.Max(held ?? 0, 0);
        if (incoming - from > MaxAhead)
            throw new MessageRejectedException($"version {incoming} is more than {MaxAhead} ahead of the version held here ({from})");
    }
}

/// <summary>The region of a project (and of what belongs to it) is set when it is registered and never changes.</summary>
public static class EventRegion
{
    /// <summary>
    /// Refuses an event that names another region than the local copy of <paramref name="entity"/> holds: the project
    /// library never moves a project between regions (a county edits only its own projects and cannot change their
    /// region), so such an event is forged. An empty <paramref name="held"/> means nothing is known yet.
    /// </summary>
    public static void EnsureUnchanged(string? held, string incoming, string entity, Guid id)
    {
        if (!string.IsNullOrEmpty(held) && held != incoming)
            throw new MessageRejectedException($"{entity} {id} is of region {held}; an event cannot move it to {incoming}");
    }
}
