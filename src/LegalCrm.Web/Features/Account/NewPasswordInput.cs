using System.ComponentModel.DataAnnotations;

namespace LegalCrm.Web.Features.Account;

/// <summary>A new password typed twice; the rules themselves are Identity's (length 12, see IdentityStartup).</summary>
public sealed class NewPasswordInput
{
    [Required(ErrorMessage = "Enter a password.")]
    [StringLength(256, ErrorMessage = "{0} can be at most {1} characters long.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string Password { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter the password again.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password again")]
    public string ConfirmPassword { get; set; } = string.Empty;
}
