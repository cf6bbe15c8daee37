using Approvals.Api.Features.Calendar;
using Approvals.Api.Features.Catalogue;
using Approvals.Api.Features.Checklists;
using Approvals.Api.Features.Items;

namespace Approvals.Tests;

public sealed class ChecklistItemTests
{
    static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    static readonly WorkingCalendar Calendar = WorkingCalendar.WeekendsOnly;
    static DateOnly D(string s) => DateOnly.Parse(s);

    static ChecklistItem Item(string code = "eia", int days = 30, bool required = true) =>
        ChecklistItem.For(Guid.NewGuid(), "140522", null,
            Procedure.Create(new ProcedureInput { Code = code, Name = code, Agency = "生态环境局", TimeLimitWorkingDays = days, RequiredBeforeStart = required }, Now),
            null, Now);

    [Fact]
    public void An_item_goes_from_submitted_through_accepted_to_approved_and_the_due_date_counts_working_days()
    {
        var item = Item(days: 20);
        Assert.Null(item.Submit(D("2025-03-03"), [], Now));
        Assert.Null(item.Accept(D("2025-03-03"), Calendar, Now));
        Assert.Equal(D("2025-03-31"), item.DueDate);
        Assert.Null(item.Approve(D("2025-03-20"), "阳环审〔2025〕8号", Now));
        Assert.Equal(ItemStatus.Approved, item.Status);
        Assert.True(item.IsThrough);
        Assert.Equal(4, item.Version);
    }

    [Fact]
    public void An_item_cannot_be_approved_before_it_is_accepted()
    {
        var item = Item();
        Assert.Equal("illegal_transition", item.Approve(D("2025-03-03"), null, Now)?.Code);
        item.Submit(D("2025-03-03"), [], Now);
        Assert.Equal("illegal_transition", item.Approve(D("2025-03-03"), null, Now)?.Code);
        Assert.Equal(ItemStatus.Submitted, item.Status);
    }

    [Fact]
    public void An_item_can_be_submitted_only_when_what_it_depends_on_is_through()
    {
        var works = Item("works-planning-permit");
        var permit = Item("construction-permit");
        Assert.Equal("dependencies_pending", permit.Submit(D("2025-03-03"), [works], Now)?.Code);
        works.Submit(D("2025-03-03"), [], Now);
        works.Accept(D("2025-03-03"), Calendar, Now);
        works.AcceptWithDeficiency(D("2025-03-04"), ["地形图"], D("2025-03-20"), Calendar, Now);
        Assert.Null(permit.Submit(D("2025-03-05"), [works], Now));
    }

    [Fact]
    public void 容缺受理_counts_as_through_and_supplementing_approves_it()
    {
        var item = Item();
        item.Submit(D("2025-03-03"), [], Now);
        Assert.Null(item.AcceptWithDeficiency(D("2025-03-04"), ["土地权属证明"], D("2025-03-14"), Calendar, Now));
        Assert.Equal(D("2025-03-04"), item.AcceptedOn);
        Assert.True(item.IsThrough);
        Assert.Equal(["土地权属证明"], item.MissingDocuments);
        Assert.Null(item.Supplement(D("2025-03-12"), null, Now));
        Assert.Equal(ItemStatus.Approved, item.Status);
        Assert.Equal(D("2025-03-12"), item.SupplementedOn);
    }

    [Fact]
    public void A_rejected_item_records_the_reason_and_can_be_submitted_again()
    {
        var item = Item();
        item.Submit(D("2025-03-03"), [], Now);
        item.Accept(D("2025-03-03"), Calendar, Now);
        Assert.Null(item.Reject(D("2025-03-05"), "选址位于生态保护红线内", Now));
        Assert.Equal("选址位于生态保护红线内", item.RejectionReason);
        Assert.False(item.IsThrough);
        Assert.Null(item.Submit(D("2025-03-10"), [], Now));
        Assert.Null(item.RejectionReason);
        Assert.Null(item.DueDate);
    }

    [Fact]
    public void A_step_cannot_be_dated_before_the_previous_one()
    {
        var item = Item();
        item.Submit(D("2025-03-10"), [], Now);
        Assert.Equal("date_before_previous_step", item.Accept(D("2025-03-07"), Calendar, Now)?.Code);
    }

    [Fact]
    public void A_commitment_date_before_the_acceptance_is_refused()
    {
        var item = Item();
        item.Submit(D("2025-03-10"), [], Now);
        Assert.Equal("commitment_in_the_past", item.AcceptWithDeficiency(D("2025-03-10"), ["x"], D("2025-03-01"), Calendar, Now)?.Code);
    }

    [Fact]
    public void Warnings_say_due_soon_within_the_window_overdue_after_the_limit_and_flag_late_容缺_papers()
    {
        var item = Item(days: 10);
        item.Submit(D("2025-03-03"), [], Now);
        item.Accept(D("2025-03-03"), Calendar, Now); // due Mon 17 March
        Assert.Null(item.Warning(D("2025-03-05"), Calendar, 3));
        Assert.Equal("dueSoon", item.Warning(D("2025-03-12"), Calendar, 3));
        Assert.Equal("dueSoon", item.Warning(D("2025-03-17"), Calendar, 3));
        Assert.Equal("overdue", item.Warning(D("2025-03-18"), Calendar, 3));

        item.AcceptWithDeficiency(D("2025-03-18"), ["施工图审查合格书"], D("2025-03-25"), Calendar, Now);
        Assert.Null(item.Warning(D("2025-03-25"), Calendar, 3));
        Assert.Equal("commitmentOverdue", item.Warning(D("2025-03-26"), Calendar, 3));
    }

    [Fact]
    public void The_checklist_is_complete_when_every_required_item_is_approved_or_accepted_with_deficiency()
    {
        var a = Item("eia");
        var b = Item("soil-water");
        var optional = Item("other", required: false);
        foreach (var i in new[] { a, b }) { i.Submit(D("2025-03-03"), [], Now); i.Accept(D("2025-03-03"), Calendar, Now); }
        a.Approve(D("2025-03-05"), null, Now);
        Assert.False(Completion.IsComplete([a, b, optional]));
        b.AcceptWithDeficiency(D("2025-03-05"), ["x"], D("2025-03-20"), Calendar, Now);
        Assert.True(Completion.IsComplete([a, b, optional]));
        Assert.False(Completion.IsComplete([optional]));
    }
}
