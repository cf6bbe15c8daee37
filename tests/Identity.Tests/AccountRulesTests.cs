using Identity.Api.Features.Accounts;
using Platform.ServiceDefaults.Auth;

namespace Identity.Tests;

public sealed class AccountRulesTests
{
    static readonly DateTimeOffset Now = new(2025, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));

    static Account NewAccount() => new()
    {
        UserName = "project-office@140522", DisplayName = "阳城县 项目推进中心", PasswordHash = PasswordHashing.Hash("Right#Pass1"),
        RegionCode = "140522", Role = BureauRoles.ProjectOffice,
    };

    [Fact]
    public void The_right_password_signs_in_and_the_wrong_one_does_not()
    {
        var account = NewAccount();
        Assert.False(account.SignIn("wrong", Now));
        Assert.Null(account.LastLoginAt);
        Assert.True(account.SignIn("Right#Pass1", Now));
        Assert.Equal(Now, account.LastLoginAt);
    }

    [Fact]
    public void Failures_never_lock_the_account_itself()
    {
        var account = NewAccount();
        for (var i = 0; i < 20; i++) Assert.False(account.SignIn("wrong", Now));
        Assert.True(account.SignIn("Right#Pass1", Now));
    }

    [Fact]
    public void A_disabled_account_cannot_sign_in()
    {
        var account = NewAccount();
        account.Enabled = false;
        Assert.False(account.SignIn("Right#Pass1", Now));
    }

    [Fact]
    public void A_password_set_by_someone_else_must_be_changed_and_ones_own_need_not()
    {
        var account = NewAccount();
        account.SetPassword("Set#By#Admin2025", chosenByOwner: false);
        Assert.True(account.MustChangePassword);
        account.SetPassword("Mine#Own#Secret1", chosenByOwner: true);
        Assert.False(account.MustChangePassword);
        Assert.True(PasswordHashing.Verify("Mine#Own#Secret1", account.PasswordHash));
    }

    [Theory]
    [InlineData("ｐｒｏｊｅｃｔ－ｏｆｆｉｃｅ＠１４０５２２", "project-office@140522")]
    [InlineData("  admin@140500 ", "admin@140500")]
    [InlineData("张三", "张三")]
    [InlineData("a\u0000b", null)]
    [InlineData("two words", null)]
    [InlineData("", null)]
    public void User_names_are_normalised_or_refused(string raw, string? expected) =>
        Assert.Equal(expected, UserNames.Normalize(System.Text.RegularExpressions.Regex.Unescape(raw)));

    [Fact]
    public void Password_hashes_are_salted_and_verify()
    {
        var a = PasswordHashing.Hash("同一个密码");
        var b = PasswordHashing.Hash("同一个密码");
        Assert.NotEqual(a, b);
        Assert.True(PasswordHashing.Verify("同一个密码", a));
        Assert.False(PasswordHashing.Verify("另一个密码", a));
        Assert.False(PasswordHashing.Verify("x", "not-a-hash"));
    }

    [Fact]
    public void An_admin_manages_its_own_region_and_the_city_admin_manages_all()
    {
        var county = new CallerScope("admin@140522", "140522", BureauRoles.Admin, null, null);
        var city = new CallerScope("admin@140500", "140500", BureauRoles.Admin, null, null);
        var clerk = new CallerScope("project-office@140522", "140522", BureauRoles.ProjectOffice, null, null);
        Assert.True(Account.CanManage(county, "140522"));
        Assert.False(Account.CanManage(county, "140581"));
        Assert.True(Account.CanManage(city, "140581"));
        Assert.False(Account.CanManage(clerk, "140522"));
    }

    [Fact]
    public void Demo_accounts_cover_every_region_with_city_hq_only_for_the_city()
    {
        var accounts = DemoAccounts.All().ToList();
        Assert.Contains(accounts, a => a.UserName == "city-hq@140500");
        Assert.Contains(accounts, a => a.UserName == "project-office@140522");
        Assert.Contains(accounts, a => a.UserName == "township@140571");
        Assert.DoesNotContain(accounts, a => a.UserName == "city-hq@140522");
        Assert.Equal(accounts.Count, accounts.Select(a => a.UserName).Distinct().Count());
        Assert.All(Regions.Codes, r => Assert.Contains(accounts, a => a.Region == r));
    }
}
