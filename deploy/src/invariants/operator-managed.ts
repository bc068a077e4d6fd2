import type { K8sResource } from '../manifests/k8s-resource';

/**
 * What the operators create for the custom resources of the prod overlay, so that selectors and
 * references aimed at operator-made objects can be checked like the others:
 *  - RabbitmqCluster <n> (RabbitMQ Cluster Operator): pods and the client Service <n> labelled
 *    app.kubernetes.io/name=<n>, app.kubernetes.io/component=rabbitmq, app.kubernetes.io/part-of=rabbitmq;
 *    Service ports amqp 5672, management 15672, prometheus 15692; Secret <n>-default-user with
 *    username, password, host, port, ... .
 *  - MongoDBCommunity <n> (MongoDB Community Operator): pods labelled app=<n>-svc plus the labels of
 *    spec.statefulSet.spec.template.metadata.labels; headless Service <n>-svc.
 */
export interface OperatorManaged {
  podLabels: Array<{ namespace?: string; labels: Record<string, string>; source: string }>;
  services: Array<{
    namespace?: string;
    name: string;
    labels: Record<string, string>;
    ports: Record<string, number>;
  }>;
  secrets: Array<{ namespace?: string; name: string; keys: string[] }>;
}

/** Objects the operators will create for the custom resources among `resources`. */
export function operatorManaged(resources: K8sResource[]): OperatorManaged {
  const managed: OperatorManaged = { podLabels: [], services: [], secrets: [] };
  for (const resource of resources) {
    const { name, namespace } = resource.metadata;
    if (resource.kind === 'RabbitmqCluster') {
      const labels = {
        'app.kubernetes.io/name': name,
        'app.kubernetes.io/component': 'rabbitmq',
        'app.kubernetes.io/part-of': 'rabbitmq',
      };
      managed.podLabels.push({ namespace, labels, source: `RabbitmqCluster/${name}` });
      managed.services.push({
        namespace,
        name,
        labels,
        ports: { amqp: 5672, management: 15672, prometheus: 15692 },
      });
      managed.secrets.push({
        namespace,
        name: `${name}-default-user`,
        keys: ['username', 'password', 'host', 'port', 'provider', 'type', 'default_user.conf'],
      });
    }
    if (resource.kind === 'MongoDBCommunity') {
      const spec = resource.spec as {
        statefulSet?: { spec?: { template?: { metadata?: { labels?: Record<string, string> } } } };
      };
      const extra = spec.statefulSet?.spec?.template?.metadata?.labels ?? {};
      managed.podLabels.push({
        namespace,
        labels: { app: `${name}-svc`, ...extra },
        source: `MongoDBCommunity/${name}`,
      });
      managed.services.push({
        namespace,
        name: `${name}-svc`,
        labels: { app: `${name}-svc` },
        ports: { mongodb: 27017 },
      });
    }
  }
  return managed;
}
