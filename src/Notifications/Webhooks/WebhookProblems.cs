using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Problems;

namespace Platform.Notifications.Webhooks;

internal static class WebhookProblems
{
    public static ProblemHttpResult NotFound(Guid id) =>
        ApiProblems.NotFound($"Không tìm thấy đăng ký webhook {id} trong phạm vi quản lý của bạn.");

    public static ProblemHttpResult DeliveryNotFound(Guid id) =>
        ApiProblems.NotFound($"Không tìm thấy lần gửi {id} của đăng ký webhook này.");
}
