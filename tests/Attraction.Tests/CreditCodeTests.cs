using Attraction.Api.Features.Enterprises;

namespace Attraction.Tests;

public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("914403001922038216")] // 华为技术有限公司
    [InlineData("91330100716105852F")] // 阿里巴巴（中国）有限公司
    [InlineData("9144030071526726XG")] // 深圳市腾讯计算机系统有限公司
    [InlineData(" 9144030071526726xg ")] // typed in lower case with blanks: normalized first
    public void A_real_credit_code_passes_the_GB_32100_check(string code)
    {
        Assert.Null(CreditCode.Problem(code));
        Assert.True(CreditCode.IsValid(code));
    }

    [Theory]
    [InlineData("914403001922038217", "should be 6")] // one wrong check character
    [InlineData("91330100716105852G", "should be F")]
    [InlineData("91440300715267262X", "should be")] // two characters swapped
    [InlineData("91140522MA0K12345", "18 characters")]
    [InlineData("9114052200000000001", "18 characters")]
    [InlineData("91140522MA0KI23456", "'I'")] // I, O, S, V and Z never occur
    [InlineData("91140522MA0KO23456", "'O'")]
    [InlineData("9114O522MA0K123456", "'O'")]
    [InlineData("91AB0522MA0K123456", "administrative division")]
    public void A_mistyped_credit_code_is_refused_with_the_reason(string code, string reason) =>
        Assert.Contains(reason, CreditCode.Problem(code));

    [Fact]
    public void The_check_character_is_31_minus_the_weighted_sum_mod_31_and_31_becomes_0()
    {
        // 16 zeros and a 1 at the last weighted position (weight 28): 31 − 28 = 3.
        Assert.Equal('3', CreditCode.CheckCharacter("00000000000000001"));
        // All zeros: the sum is 0, 31 − 0 = 31, which the standard maps to 0.
        Assert.Equal('0', CreditCode.CheckCharacter("00000000000000000"));
        // A 'Y' (value 30) at weight 1: 31 − 30 = 1.
        Assert.Equal('1', CreditCode.CheckCharacter("Y0000000000000000"));
    }
}
