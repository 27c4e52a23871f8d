import { Validations } from 'aws-cdk-lib';
import { CfnStage, HttpMethod, HttpRoute, HttpRouteKey, type HttpRouteIntegration, type IHttpApi, type HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct } from 'constructs';

/** Steady rate (requests per second) and burst of one route, across all callers. */
export interface RouteThrottle {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

/**
 * The public routes' throttles, below the stage's default so a flood of one public route leaves the
 * rest of the API its share (docs/adr/0005-public-route-throttling.md). Webhooks carry providers'
 * bursts (a Telegram backlog, WhatsApp status storms); the widget serves people typing.
 */
export const PUBLIC_ROUTE_THROTTLES = {
  '/webhooks/{proxy+}': { rateLimit: 100, burstLimit: 200 },
  '/widget/{proxy+}': { rateLimit: 50, burstLimit: 100 },
} as const satisfies Record<string, RouteThrottle>;

/** Props of {@link PublicRouteThrottles}. */
export interface PublicRouteThrottlesProps {
  readonly httpApi: IHttpApi;
  readonly stage: HttpStage;
  /** The `$default` route's integration: the public routes go to the same function. */
  readonly integration: HttpRouteIntegration;
}

/**
 * `ANY /webhooks/{proxy+}` and `ANY /widget/{proxy+}` as routes of their own (same integration as
 * `$default`, so the function sees the same requests) with per-route throttling on the stage. AWS
 * WAF cannot be associated with an HTTP API; the ADR says why this and the application's own
 * limits are enough for now.
 */
export class PublicRouteThrottles extends Construct {
  readonly routes: HttpRoute[] = [];

  constructor(scope: Construct, id: string, props: PublicRouteThrottlesProps) {
    super(scope, id);
    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const [path, throttle] of Object.entries(PUBLIC_ROUTE_THROTTLES)) {
      const routeKey = HttpRouteKey.with(path, HttpMethod.ANY);
      const route = new HttpRoute(this, path.split('/')[1]!, { httpApi: props.httpApi, routeKey, integration: props.integration });
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: path.startsWith('/webhooks')
          ? 'Messenger webhooks authenticate in the http-api function with provider signatures and secret tokens (Telegram secret token, WhatsApp and Viber HMAC, VK secret, the Alice skill id), which an API Gateway authorizer cannot check.'
          : 'The web chat widget is public by design: the http-api function checks the Origin against the channel and verifies the visitor token it issued; anonymous callers are limited by the application (callback limits) and this route throttle.',
      });
      routeSettings[routeKey.key] = { ThrottlingRateLimit: throttle.rateLimit, ThrottlingBurstLimit: throttle.burstLimit };
      this.routes.push(route);
    }
    // The L2 stage has no per-route settings; the stage must also wait for the routes it names.
    const cfnStage = props.stage.node.defaultChild as CfnStage;
    cfnStage.addPropertyOverride('RouteSettings', routeSettings);
    for (const route of this.routes) props.stage.node.addDependency(route);
  }
}
