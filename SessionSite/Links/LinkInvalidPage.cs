using Microsoft.AspNetCore.Mvc;

namespace SessionSite.Links;

public static class LinkInvalidPage
{
    /// <summary>A mailed link that is wrong, used up or expired: a 400 and the page saying what to do next (Shared/LinkInvalid).</summary>
    public static ViewResult LinkInvalid(this Controller controller, LinkPurpose purpose)
    {
        controller.Response.StatusCode = StatusCodes.Status400BadRequest;
        return controller.View("LinkInvalid", purpose);
    }
}
