// The object shapes the UI reads. The mirror holds whatever the worker sent (ObjectChange from
// the protocol); the typed views come from kubernetes-types, a types-only package, never from
// src/engine.
import type { ObjectChange } from '../../worker/protocol'

export type KubeObject = ObjectChange['object']
export type { Pod, Node, Event, ContainerStatus } from 'kubernetes-types/core/v1'
