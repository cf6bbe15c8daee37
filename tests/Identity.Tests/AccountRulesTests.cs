using Identity.Api.Accounts;
using Platform.ServiceDefaults.Auth;

namespace Identity.Tests;

public sealed class AccountRulesTests
{
    static readonly LockoutOptions Lockout = new() { MaxFailedAttempts = 3, Duration = TimeSpan.FromMinutes(15) };
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
        Assert.Equal(SignInResult.WrongPassword, account.SignIn("wrong", Now, Lockout));
        Assert.Equal(SignInResult.Success, account.SignIn("Right#Pass1", Now, Lockout));
        Assert.Equal(0, account.FailedAttempts);
    }

    [Fact]
    public void Repeated_failures_lock_the_account_for_the_configured_time()
    {
        var account = NewAccount();
        account.SignIn("wrong", Now, Lockout);
        account.SignIn("wrong", Now, Lockout);
        Assert.Equal(SignInResult.Locked, account.SignIn("wrong", Now, Lockout));
        Assert.Equal(SignInResult.Locked, account.SignIn("Right#Pass1", Now.AddMinutes(14), Lockout));
        Assert.Equal(SignInResult.Success, account.SignIn("Right#Pass1", Now.AddMinutes(16), Lockout));
    }

    [Fact]
    public void A_disabled_account_cannot_sign_in()
    {
        var account = NewAccount();
        account.Enabled = false;
        Assert.Equal(SignInResult.Disabled, account.SignIn("Right#Pass1", Now, Lockout));
    }

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
