using MassTransit;
using Platform.Contracts.ProjectLibrary;
using Platform.Messaging;

namespace Statistics.Api.Features.Figures;

/// <summary>Keeps the 调度数 per project and month, to compare with the 统计数. Idempotent and version-aware.</summary>
public sealed class ProgressReportedConsumer(StatisticsDb db, Actor actor) : InboxConsumer<ProgressReported, StatisticsDb>(db)
{
    protected override async Task Handle(ConsumeContext<ProgressReported> context, CancellationToken ct)
    {
        actor.ActOnEvent<ProgressReported>();
        var m = context.Message;
        var period = FigureImport.ReadMonth(m.Period) ?? m.Period;
        var figure = await Db.ScheduledFigures.FirstOrDefaultAsync(f => f.ProjectId == m.ProjectId && f.Period == period, ct);
        EventRegion.EnsureUnchanged(figure?.RegionCode, m.RegionCode, "Project", m.ProjectId);
        if (!EventVersion.IsNewer(m.Version, figure?.Version)) return;
        if (figure is null)
        {
            figure = new ScheduledFigure { ProjectId = m.ProjectId, Period = period, RegionCode = m.RegionCode };
            Db.ScheduledFigures.Add(figure);
        }
        figure.Apply(m.CompletedInvestment, m.YearToDateInvestment, m.Version, m.OccurredAt);
    }
}
