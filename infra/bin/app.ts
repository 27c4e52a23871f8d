import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readAppConfig } from '../lib/config.ts';
import { createContactCenter } from '../lib/contact-center.ts';

// `cdk synth -c stage=prod -c region=eu-central-1 -c alarmEmail=ops@example.com`
const app = new App();
createContactCenter(app, readAppConfig(app));
// cdk-nag 3: the AwsSolutions pack runs as a CDK validation plugin; an unacknowledged error fails synth.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
