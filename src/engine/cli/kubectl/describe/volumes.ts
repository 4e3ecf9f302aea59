// The Volumes section of `kubectl describe pod` and of pod templates.
// Mirrors: kubectl 1.32 pkg/describe/describe.go describeVolumes and the print*VolumeSource
// functions for hostPath, emptyDir, secret, configMap, nfs, persistentVolumeClaim, downwardAPI,
// projected (the 1.32 wording: "ConfigMapName" / "ConfigMapOptional", "SecretName" /
// "SecretOptionalName"), csi and image.
// Dropped: the cloud and legacy in-tree sources (gcePersistentDisk, awsElasticBlockStore,
// gitRepo, iscsi, glusterfs, rbd, quobyte, azure*, vsphere, cinder, photon, portworx, scaleIO,
// cephfs, storageos, fc, flex, flocker) and generic ephemeral volumes: they print "<unknown>"
// here. Also, kubectl 1.32 prints a projected source's `optional` as a Go pointer, i.e. a memory
// address like 0xc000a1b2c3 when set; we print "<nil>" when unset (exact) and the boolean when
// set (an address cannot be reproduced).

import { quantityString, parseQuantity, quantitySign } from '../../../api/quantity'
import type { Volume } from '../../../api/types'
import { compareGoStrings } from '../../../api/printers/helpers'
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './describe'

const MAX_ANNOTATION_LEN = 140

/** A Go *bool printed with %v: "<nil>" or (see the header) its value. */
function pointerBool(b: boolean | undefined | null): string {
  return b === undefined || b === null ? '<nil>' : String(b)
}

function printProjected(volume: Volume, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n')
  for (const source of volume.projected?.sources ?? []) {
    if (source.secret) {
      w.write(LEVEL_2, `SecretName:\t${source.secret.name ?? ''}\n    SecretOptionalName:\t${pointerBool(source.secret.optional)}\n`)
    } else if (source.downwardAPI) {
      w.write(LEVEL_2, 'DownwardAPI:\ttrue\n')
    } else if (source.configMap) {
      w.write(LEVEL_2, `ConfigMapName:\t${source.configMap.name ?? ''}\n    ConfigMapOptional:\t${pointerBool(source.configMap.optional)}\n`)
    } else if (source.serviceAccountToken) {
      w.write(LEVEL_2, `TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 0}\n`)
    }
  }
}

function printCSIVolumeAttributes(w: PrefixWriter, attributes: Readonly<Record<string, string>> | undefined): void {
  w.write(LEVEL_2, 'VolumeAttributes:\t')
  const all = attributes ?? {}
  const keys = Object.keys(all).sort(compareGoStrings)
  if (keys.length === 0) {
    w.writeLine('<none>')
    return
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, '')
      w.write(LEVEL_2, '\t')
    }
    const line = `${key}=${all[key]}`
    w.write(LEVEL_2, line.length > MAX_ANNOTATION_LEN ? `${line.slice(0, MAX_ANNOTATION_LEN)}...\n` : `${line}\n`)
  })
}

/** The image volume source (1.31+), absent from the kubernetes-types version we build with. */
function imageSource(volume: Volume): { reference?: string; pullPolicy?: string } | undefined {
  return (volume as Volume & { image?: { reference?: string; pullPolicy?: string } }).image
}

/** describeVolumes: "Volumes:  <none>" or one block per volume. */
export function describeVolumes(volumes: readonly Volume[] | undefined, w: PrefixWriter, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`)
    return
  }
  w.write(LEVEL_0, `${space}Volumes:\n`)
  for (const volume of volumes) {
    const nameIndent = space.length > 0 ? ' ' : ''
    w.write(LEVEL_1, `${nameIndent}${volume.name}:\n`)
    if (volume.hostPath) {
      w.write(
        LEVEL_2,
        `Type:\tHostPath (bare host directory volume)\n    Path:\t${volume.hostPath.path}\n    HostPathType:\t${volume.hostPath.type ?? '<none>'}\n`,
      )
    } else if (volume.emptyDir) {
      const limit = volume.emptyDir.sizeLimit
      const sizeLimit = limit !== undefined && quantitySign(parseQuantity(limit)) > 0 ? quantityString(parseQuantity(limit)) : '<unset>'
      w.write(
        LEVEL_2,
        `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${volume.emptyDir.medium ?? ''}\n    SizeLimit:\t${sizeLimit}\n`,
      )
    } else if (volume.secret) {
      w.write(
        LEVEL_2,
        `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${volume.secret.secretName ?? ''}\n    Optional:\t${volume.secret.optional === true}\n`,
      )
    } else if (volume.configMap) {
      w.write(
        LEVEL_2,
        `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${volume.configMap.name ?? ''}\n    Optional:\t${volume.configMap.optional === true}\n`,
      )
    } else if (volume.nfs) {
      w.write(
        LEVEL_2,
        `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${volume.nfs.server}\n    Path:\t${volume.nfs.path}\n    ReadOnly:\t${volume.nfs.readOnly === true}\n`,
      )
    } else if (volume.persistentVolumeClaim) {
      w.write(
        LEVEL_2,
        `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${volume.persistentVolumeClaim.claimName}\n    ReadOnly:\t${volume.persistentVolumeClaim.readOnly === true}\n`,
      )
    } else if (volume.downwardAPI) {
      w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n')
      for (const item of volume.downwardAPI.items ?? []) {
        if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`)
        if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`)
      }
    } else if (volume.projected) {
      printProjected(volume, w)
    } else if (volume.csi) {
      w.write(
        LEVEL_2,
        `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${volume.csi.driver}\n    FSType:\t${volume.csi.fsType ?? ''}\n    ReadOnly:\t${volume.csi.readOnly === true}\n`,
      )
      printCSIVolumeAttributes(w, volume.csi.volumeAttributes)
    } else if (imageSource(volume)) {
      const image = imageSource(volume)!
      w.write(LEVEL_2, `Type:\tImage (a container image or OCI artifact)\n    Reference:\t${image.reference ?? ''}\n    PullPolicy:\t${image.pullPolicy ?? ''}\n`)
    } else {
      w.write(LEVEL_1, '<unknown>\n')
    }
  }
}
