using System.Net;
using Microsoft.AspNetCore.Http;
using SessionSite.Web;

namespace SessionSite.Tests.Unit;

public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("::ffff:172.30.57.1", "172.30.57.1")]
    [InlineData("172.30.57.1", "172.30.57.1")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    public void AnIpv4ClientIsRecordedInOneFormWhicheverWayItArrived(string remote, string recorded)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);

        Assert.Equal(recorded, ClientAddress.Of(http));
    }
}
