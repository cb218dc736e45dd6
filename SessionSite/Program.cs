using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Configuration;
using SessionSite.Devices;
using SessionSite.Forms;
using SessionSite.Links;
using SessionSite.Mail;
using SessionSite.Overview;
using SessionSite.Passkeys;
using SessionSite.Recovery;
using SessionSite.Redis;
using SessionSite.Sessions;
using SessionSite.Settings;
using SessionSite.Telemetry;
using SessionSite.Throttling;
using SessionSite.TwoStep;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSiteBasics(builder.Configuration);
builder.Services.AddRedis(builder.Configuration);
builder.Services.AddActivity();
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddRedisSessions(builder.Configuration);
builder.Services.AddThrottling(builder.Configuration);
builder.Services.AddMail(builder.Configuration);
builder.Services.AddSingleUseLinks();
builder.Services.AddRecovery();
builder.Services.AddTwoStep();
builder.Services.AddPasskeys(builder.Configuration);
builder.Services.AddDevices();
builder.Services.AddSitePipeline(builder.Configuration);
builder.Services.AddSiteMvc();
builder.Services.AddAccountOverview();
builder.Services.AddSettings();
builder.Services.AddSiteHealthChecks();
builder.Services.AddSiteTelemetry(builder.Configuration);

var app = builder.Build();

app.UseSitePipeline();
app.MapSiteHealthChecks();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
